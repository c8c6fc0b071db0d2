using TokenEconSim.Domain.Marketplace;

namespace TokenEconSim.Domain.Tests.Marketplace;

public class PurchaseTests
{
    [Fact]
    public void APurchaseTakesExactlyThePrice()
    {
        var balance = 500_000_000L;
        Assert.True(Purchase.TryPay(ref balance, 123_456_789, out var refusal));
        Assert.Null(refusal);
        Assert.Equal(500_000_000L - 123_456_789, balance);
    }

    [Fact]
    public void OverSpendingIsRefusedWithTheReasonAndChangesNothing()
    {
        var balance = 100_000_000L;
        Assert.False(Purchase.TryPay(ref balance, 250_000_000, out var refusal));
        Assert.Equal(100_000_000L, balance);
        Assert.Equal("insufficient balance: holds 1.00000000 tokens, the model costs 2.50000000", refusal);
    }

    [Fact]
    public void TheWholeBalanceCanBeSpent()
    {
        var balance = 7L;
        Assert.True(Purchase.TryPay(ref balance, 7, out _));
        Assert.Equal(0, balance);
    }

    [Fact]
    public void TheCatalogueKeepsTheNewestListingsWithDistinctHashes()
    {
        var catalogue = new Catalogue(maxListings: 3);
        for (var i = 0; i < 5; i++) catalogue.Publish(creator: 10 + i, price: 100 * i, epoch: i);
        Assert.Equal([12, 13, 14], catalogue.Creators());
        Assert.Equal([200L, 300, 400], catalogue.Prices());
        Assert.Equal(3, catalogue.Listings.Select(l => l.ModelHash).Distinct().Count());

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) catalogue.WriteState(w);
        var copy = new Catalogue(3);
        stream.Position = 0;
        copy.ReadState(new BinaryReader(stream));
        Assert.Equal(catalogue.Listings, copy.Listings);
        Assert.Equal(catalogue.Publish(1, 1, 9), copy.Publish(1, 1, 9)); // same next id and hash
    }
}

using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Tokens;

public class SupplyLedgerTests
{
    [Fact]
    public void SupplyIsInitialPlusMintedMinusBurned()
    {
        var ledger = new SupplyLedger(1_000);
        ledger.MintToTreasury(300);
        ledger.MintToAgents(50);
        ledger.ReceiveFees(paid: 40, burned: 30);
        Assert.Equal(1_000, ledger.Initial);
        Assert.Equal(350, ledger.Minted);
        Assert.Equal(30, ledger.Burned);
        Assert.Equal(1_320, ledger.Supply);
        Assert.Equal(310, ledger.Treasury); // 300 emission + 10 unburned fees
    }

    // Walk one epoch by hand: agents start with 1000, pay 40 in fees (30 burned), receive 200 of a
    // 310 pool and 50 in block rewards. Balances 1000 − 40 + 200 + 50 = 1210, treasury 110.
    [Fact]
    public void IdentityHoldsThroughAnEpoch()
    {
        var ledger = new SupplyLedger(1_000);
        ledger.CheckIdentity(1_000, 0);
        ledger.ReceiveFees(40, 30);
        ledger.CheckIdentity(960, 0);
        ledger.MintToTreasury(300);
        ledger.PayFromTreasury(200);
        ledger.MintToAgents(50);
        ledger.CheckIdentity(1_210, 0);
        Assert.Equal(110, ledger.Treasury);
        Assert.Equal(1_210 + 110, ledger.Supply);
    }

    [Theory]
    [InlineData(1_209L)]
    [InlineData(1_211L)]
    [InlineData(0L)]
    public void ABrokenIdentityThrows(long wrongBalances)
    {
        var ledger = new SupplyLedger(1_000);
        ledger.ReceiveFees(40, 30);
        ledger.MintToTreasury(300);
        ledger.PayFromTreasury(200);
        ledger.MintToAgents(50);
        var ex = Assert.Throws<LedgerIdentityException>(() => ledger.CheckIdentity(wrongBalances, 17));
        Assert.Contains("epoch 17", ex.Message);
        Assert.Contains($"balances {wrongBalances}", ex.Message);
    }

    [Fact]
    public void CannotPayMoreThanTheTreasuryHolds()
    {
        var ledger = new SupplyLedger(0);
        ledger.MintToTreasury(100);
        ledger.PayFromTreasury(100); // all of it is fine
        Assert.Equal(0, ledger.Treasury);
        Assert.Throws<InvalidOperationException>(() => ledger.PayFromTreasury(1));
        Assert.Equal(0, ledger.Treasury);
        Assert.Equal(100, ledger.Supply);
    }

    [Fact]
    public void CannotBurnMoreThanWasPaid()
    {
        var ledger = new SupplyLedger(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ReceiveFees(10, 11));
        Assert.Equal(0, ledger.Burned);
        Assert.Equal(0, ledger.Treasury);
    }

    [Fact]
    public void NegativeAmountsAreRefused()
    {
        var ledger = new SupplyLedger(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.MintToTreasury(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.MintToAgents(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ReceiveFees(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ReceiveFees(5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.PayFromTreasury(-1));
        Assert.Equal(10, ledger.Supply);
        Assert.Equal(0, ledger.Minted);
    }
}

using System.Security.Cryptography;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class ChainTransactionTests
{
    // The encoding is specified byte by byte (kind, int32 LE agent, int64 LE units or 32-byte hash).
    [Fact]
    public void RewardEncoding()
    {
        Assert.Equal("0107000000e803000000000000", Hex(ChainTransaction.Reward(7, 1000)));
    }

    [Fact]
    public void SlashAndFeeEncodings()
    {
        Assert.Equal("05ffffffff0100000000000000", Hex(ChainTransaction.Slash(-1, 1)));
        Assert.Equal("0202000000ffffffffffffff7f", Hex(ChainTransaction.Fee(2, long.MaxValue)));
    }

    [Fact]
    public void DataBatchEncodingCarriesTheHashInInternalOrder()
    {
        var content = Hash256.Parse("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
        Assert.Equal("0303000000" + "3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a",
            Hex(ChainTransaction.DataBatch(3, content)));
        Assert.StartsWith("0409000000", Hex(ChainTransaction.ModelUpdate(9, content)), StringComparison.Ordinal);
    }

    [Fact]
    public void TxIdIsDoubleSha256OfTheEncoding()
    {
        var tx = ChainTransaction.Reward(7, 1000);
        var expected = SHA256.HashData(SHA256.HashData(Convert.FromHexString("0107000000e803000000000000")));
        Assert.Equal(Hash256.FromBytes(expected), tx.TxId());
    }

    [Fact]
    public void DecodeRoundTripsAndRejectsMalformedInput()
    {
        var txs = new[]
        {
            ChainTransaction.Reward(1, 5), ChainTransaction.Fee(2, 6), ChainTransaction.Slash(3, 7),
            ChainTransaction.DataBatch(4, Hash256.Parse(new string('a', 64))),
            ChainTransaction.ModelUpdate(5, Hash256.Parse(new string('b', 64))),
        };
        foreach (var tx in txs) Assert.Equal(tx, ChainTransaction.Decode(Convert.FromHexString(Hex(tx))));
        Assert.Throws<FormatException>(() => ChainTransaction.Decode([9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Throws<FormatException>(() => ChainTransaction.Decode([1, 0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChainTransaction.Reward(1, -1));
    }

    private static string Hex(ChainTransaction tx)
    {
        Span<byte> bytes = stackalloc byte[ChainTransaction.MaxEncodedSize];
        return Convert.ToHexStringLower(bytes[..tx.Encode(bytes)]);
    }
}

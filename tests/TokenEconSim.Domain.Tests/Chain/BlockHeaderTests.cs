using System.Security.Cryptography;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class BlockHeaderTests
{
    // Bitcoin mainnet blocks 0, 1, 2 and 100000 (getblockheader on any Bitcoin Core node; the genesis
    // values are in Core's src/kernel/chainparams.cpp CreateGenesisBlock).
    public static TheoryData<int, string, string, uint, uint, uint, string> MainnetHeaders() => new()
    {
        { 1, "0000000000000000000000000000000000000000000000000000000000000000", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
          1231006505, 0x1d00ffff, 2083236893, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f" },
        { 1, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", "0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098",
          1231469665, 0x1d00ffff, 2573394689, "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048" },
        { 1, "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048", "9b0fc92260312ce44e74ef369f5c66bbb85848f2eddd5a7a1cde251e54ccfdd5",
          1231469744, 0x1d00ffff, 1639830024, "000000006a625f06636b8bb6ac7b960a8d03705d1ace08b1a19da3fdcc99ddbd" },
        { 1, "000000000002d01c1fccc21636b607dfd930d31d01c3a62104612a1719011250", "f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766",
          1293623863, 0x1b04864c, 274148111, "000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506" },
    };

    [Theory]
    [MemberData(nameof(MainnetHeaders))]
    public void MainnetHeadersHashToTheirPublishedIds(int version, string prev, string merkle, uint time, uint bits, uint nonce, string hash)
    {
        var header = new BlockHeader(version, Hash256.Parse(prev), Hash256.Parse(merkle), time, bits, nonce);
        Assert.Equal(hash, header.Hash().ToString());
    }

    // The genesis header's raw 80 bytes as published (Core's chainparams / any block explorer's raw hex).
    private const string GenesisHex =
        "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e" +
        "67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";

    [Fact]
    public void GenesisSerializesToItsPublishedBytes()
    {
        var header = Genesis();
        Span<byte> bytes = stackalloc byte[BlockHeader.Size];
        header.Serialize(bytes);
        Assert.Equal(GenesisHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(header, BlockHeader.Deserialize(bytes));
    }

    [Fact]
    public void HashIsDoubleSha256OfTheSerialization()
    {
        var bytes = Convert.FromHexString(GenesisHex);
        var expected = SHA256.HashData(SHA256.HashData(bytes));
        var header = Genesis();
        Span<byte> actual = stackalloc byte[Hash256.Size];
        header.Hash().WriteTo(actual);
        Assert.Equal(expected, actual.ToArray());
    }

    private static BlockHeader Genesis() => new(1, Hash256.Zero,
        Hash256.Parse("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"), 1231006505, 0x1d00ffff, 2083236893);
}

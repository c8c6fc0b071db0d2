using System.Globalization;
using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class EthereumHomesteadTests
{
    private static BigInteger H(string hex) => BigInteger.Parse("0" + hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static ulong U(string hex) => ulong.Parse(hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // Published cases of github.com/ethereum/tests (parentDifficulty, parentTimestamp,
    // currentTimestamp, currentBlockNumber, currentDifficulty). These include the bomb term;
    // below block 200000 it is 0, so the first four are also the bomb-free rule.
    [Theory]
    // BasicTests/difficultyHomestead.json, DifficultyTest1 (block 1, same timestamp)
    [InlineData("0xfb62e31239014b81", "0xe57f44236940ca", "0xe57f44236940ca", "0x01", "0xfb824f6e9b486baa")]
    // BasicTests/difficultyHomestead.json, DifficultyTest61 (block 1, 2 s later)
    [InlineData("0xb5ff7814833c60f8", "0x659cc0247189e575", "0x659cc0247189e577", "0x01", "0xb616380385ccc884")]
    // DifficultyTests/dfHomestead/difficultyHomestead.json, DifficultyTest1 (block 100000, 1 s)
    [InlineData("0x6aa9fe0e7a00ac12", "0x68450ae0c", "0x68450ae0d", "0x0186a0", "0x6ab7534e3bcfec27")]
    // same file, DifficultyTest1030 (block 100000, 20 s: adjustment −1; parent uncles play no part in Homestead)
    [InlineData("0x3d77af9a705c9863", "0x29e25a971", "0x29e25a985", "0x0186a0", "0x3d7000a47d0e8cd0")]
    public void MatchesEthereumTestsBelowTheBomb(string parentDiff, string parentTs, string ts, string number, string expected)
    {
        Assert.Equal(H(expected), EthereumHomestead.NextDifficulty(H(parentDiff), U(parentTs), U(ts), U(number)));
        Assert.Equal(H(expected), EthereumHomestead.NextDifficulty(H(parentDiff), U(parentTs), U(ts), U(number), bomb: true));
    }

    // DifficultyTests/dfHomestead/difficultyHomestead.json: DifficultyTest100 (block 200000, bomb 2^0),
    // DifficultyTest10 (block 1000000, bomb 2^8), DifficultyTest1000 (block 2000000, 20 s, bomb 2^18).
    [Theory]
    [InlineData("0x65fbb62db81d1bc0", "0x6a2ba9763", "0x6a2ba9765", "0x030d40", "0x660875a47dd41f64", 0)]
    [InlineData("0x2a31cebfaa59b620", "0x74adbcf5c", "0x74adbcf5d", "0x0f4240", "0x2a3714f9824f0256", 8)]
    [InlineData("0x5d70c86ec8b54265", "0x43072eb76", "0x43072eb8a", "0x1e8480", "0x5d651a55bae02bbd", 18)]
    public void MatchesEthereumTestsWithTheBomb(string parentDiff, string parentTs, string ts, string number, string expected, int bombExponent)
    {
        Assert.Equal(H(expected), EthereumHomestead.NextDifficulty(H(parentDiff), U(parentTs), U(ts), U(number), bomb: true));
        // Without the bomb the result is exactly the published value minus the bomb term.
        Assert.Equal(H(expected) - (BigInteger.One << bombExponent), EthereumHomestead.NextDifficulty(H(parentDiff), U(parentTs), U(ts), U(number)));
    }

    // EIP-2's floor of 131072 and its −99 cap on the downward step (rule checks, not published vectors).
    [Fact]
    public void MinimumAndDownwardCap()
    {
        Assert.Equal(new BigInteger(131072), EthereumHomestead.NextDifficulty(131072, 0, 10_000, 5));
        var parent = new BigInteger(1) << 40;
        Assert.Equal(parent - parent / 2048 * 99, EthereumHomestead.NextDifficulty(parent, 0, 1_000_000, 5));
    }
}

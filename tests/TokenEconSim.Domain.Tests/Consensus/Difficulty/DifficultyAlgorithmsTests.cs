using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class DifficultyAlgorithmsTests
{
    [Theory]
    [InlineData("bitcoin", typeof(BitcoinDifficulty))]
    [InlineData("asert", typeof(AsertDifficulty))]
    [InlineData("ethereum", typeof(EthereumDifficulty))]
    [InlineData("fixed", typeof(FixedDifficulty))]
    [InlineData(" Bitcoin ", typeof(BitcoinDifficulty))]
    public void CreatesByName(string name, Type type)
    {
        var algorithm = DifficultyAlgorithms.Create(name, DifficultySettings.Mainnet);
        Assert.IsType(type, algorithm);
        Assert.Equal(name.Trim().ToLowerInvariant(), algorithm.Name);
    }

    [Fact]
    public void UnknownNameListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => DifficultyAlgorithms.Create("digishield", DifficultySettings.Mainnet));
        Assert.Contains("digishield", e.Message, StringComparison.Ordinal);
        Assert.Contains("asert, bitcoin, ethereum, fixed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LstmIsNamedButNotYetAvailable()
    {
        var e = Assert.Throws<ArgumentException>(() => DifficultyAlgorithms.Create("lstm", DifficultySettings.Mainnet));
        Assert.Contains("not implemented", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedNeverChanges()
    {
        var f = new FixedDifficulty(0x207fffffu);
        Assert.Equal(0x207fffffu, f.NextBits(new SparseHistory(0), new NextBlock(0)));
        Assert.Equal(0x207fffffu, f.NextBits(new SparseHistory(7), new NextBlock(1)));
        Assert.Throws<ArgumentException>(() => new FixedDifficulty(0x04923456u)); // negative
    }
}

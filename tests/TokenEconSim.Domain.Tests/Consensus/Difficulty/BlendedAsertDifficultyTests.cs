using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class BlendedAsertDifficultyTests
{
    private static readonly DifficultySettings Settings = new() { HalfLife = 3600, InitialBits = 0x1a2b3c4du, TrustMax = 0.8 };

    // One half-life behind schedule at height 10: ASERT doubles the target; the blend starts from there.
    private static readonly SparseHistory History = new SparseHistory(11).WithTime(0, 0).WithBits(1, 0x1a2b3c4du).WithTime(10, 6000 + 3600);

    private static uint Asert(HashrateForecast? forecast) => new AsertDifficulty(Settings).NextBits(History, new NextBlock(0, forecast));

    private static uint Blended(HashrateForecast? forecast) => new BlendedAsertDifficulty(Settings).NextBits(History, new NextBlock(0, forecast));

    [Fact]
    public void WithoutSkillOrForecastItIsAsertBitForBit()
    {
        var asert = Asert(null);
        Assert.Equal(asert, Blended(null));
        Assert.Equal(asert, Blended(new HashrateForecast(Predicted: 1e20, Last: 1e15, Skill: 0)));
    }

    [Theory]
    [InlineData(1.0, 1.5)]
    [InlineData(0.5, 1.5)]
    [InlineData(1.0, 0.6)]
    public void TheLogDifficultyIsTheTrustWeightedBlendOfAsertAndThePredictedWork(double skill, double predictedOverAsert)
    {
        var asertWork = CompactTarget.ExpectedHashes(Asert(null));
        var predicted = predictedOverAsert * asertWork / Settings.TargetSpacing; // hashes/s whose T-second work is that multiple
        var work = CompactTarget.ExpectedHashes(Blended(new HashrateForecast(predicted, predicted, skill)));
        var w = Settings.TrustMax * skill;
        // nBits keeps 23 bits of mantissa: the blend holds to a relative 10⁻⁶.
        Assert.Equal(w * Math.Log(predictedOverAsert), Math.Log(work / asertWork), 5);
    }

    [Fact]
    public void AFarForecastMovesTheDifficultyAtMostFourfoldBeforeWeighting()
    {
        var asertWork = CompactTarget.ExpectedHashes(Asert(null));
        var work = CompactTarget.ExpectedHashes(Blended(new HashrateForecast(1000 * asertWork / Settings.TargetSpacing, 1, Skill: 1)));
        Assert.Equal(0.8 * Math.Log(4), Math.Log(work / asertWork), 5);
    }

    [Fact]
    public void ItIsBuiltFromItsScenarioName()
    {
        var algorithm = DifficultyAlgorithms.Create(Domain.Parameters.DifficultyAlgorithmKind.PredictiveAsert, Settings);
        Assert.Equal("predictive_asert", algorithm.Name);
        Assert.IsType<BlendedAsertDifficulty>(algorithm);
    }
}

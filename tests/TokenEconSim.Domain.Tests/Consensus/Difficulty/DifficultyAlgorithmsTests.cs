using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class DifficultyAlgorithmsTests
{
    [Theory]
    [InlineData(DifficultyAlgorithmKind.Fixed, typeof(FixedDifficulty), "fixed")]
    [InlineData(DifficultyAlgorithmKind.Bitcoin, typeof(BitcoinDifficulty), "bitcoin")]
    [InlineData(DifficultyAlgorithmKind.Asert, typeof(AsertDifficulty), "asert")]
    [InlineData(DifficultyAlgorithmKind.Ethereum, typeof(EthereumDifficulty), "ethereum")]
    [InlineData(DifficultyAlgorithmKind.Lstm, typeof(PredictiveDifficulty), "lstm")]
    [InlineData(DifficultyAlgorithmKind.LstmAsert, typeof(PredictiveAsertDifficulty), "lstm_asert")]
    public void CreatesEachKindUnderItsScenarioName(DifficultyAlgorithmKind kind, Type type, string name)
    {
        var algorithm = DifficultyAlgorithms.Create(kind, DifficultySettings.Mainnet);
        Assert.IsType(type, algorithm);
        Assert.Equal(name, algorithm.Name);
    }

    [Fact]
    public void EveryKindIsBuiltAndNamedByItsOwnMember()
    {
        var kinds = Enum.GetValues<DifficultyAlgorithmKind>();
        var built = kinds.Select(k => DifficultyAlgorithms.Create(k, DifficultySettings.Mainnet)).ToArray();
        Assert.Equal(kinds.Select(Naming.Of), built.Select(a => a.Name));
        Assert.Equal(kinds.Length, built.Select(a => a.GetType()).Distinct().Count());
    }

    [Fact]
    public void AValueOutsideTheEnumIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DifficultyAlgorithms.Create((DifficultyAlgorithmKind)99, DifficultySettings.Mainnet));

    // D_next = D_tip · (1 + η (Ĥ − H)/H) at window boundaries only; no forecast (warm-up) keeps the bits.
    [Fact]
    public void LstmScalesDifficultyByTheWeightedPredictedChangeOncePerWindow()
    {
        const uint tip = 0x1c0fffff;
        var lstm = new PredictiveDifficulty(DifficultySettings.Mainnet with { RetargetWindow = 10, Eta = 0.1, InitialBits = tip });
        var up = new NextBlock(0, new HashrateForecast(Predicted: 150, Last: 100));
        Assert.Equal(tip, lstm.NextBits(new SparseHistory(10).WithBits(9, tip), up));          // inside the window
        Assert.Equal(tip, lstm.NextBits(new SparseHistory(11).WithBits(10, tip), new NextBlock(0))); // warm-up
        var raised = lstm.NextBits(new SparseHistory(11).WithBits(10, tip), up);              // block 11 follows window 1…10
        Assert.Equal(1.05, CompactTarget.Difficulty(raised) / CompactTarget.Difficulty(tip), 4);
        var lowered = lstm.NextBits(new SparseHistory(21).WithBits(20, tip), new NextBlock(0, new HashrateForecast(50, 100)));
        Assert.Equal(0.95, CompactTarget.Difficulty(lowered) / CompactTarget.Difficulty(tip), 4);
    }

    [Fact]
    public void LstmAsertIsAsertTimesThePredictedRatioClampedToHalfAndDouble()
    {
        var settings = DifficultySettings.Mainnet with { InitialBits = 0x1c0fffff };
        var history = new SparseHistory(5).WithTime(0, 0).WithBits(1, 0x1c0fffff).WithTime(4, 2_400);
        var asert = new AsertDifficulty(settings).NextBits(history, new NextBlock(0));
        var predictive = new PredictiveAsertDifficulty(settings);
        Assert.Equal(asert, predictive.NextBits(history, new NextBlock(0)));
        double Ratio(double predicted) =>
            CompactTarget.Difficulty(predictive.NextBits(history, new NextBlock(0,
                new HashrateForecast(predicted, 100)))) / CompactTarget.Difficulty(asert);
        Assert.Equal(1.3, Ratio(130), 4);
        Assert.Equal(2.0, Ratio(500), 4);
        Assert.Equal(0.5, Ratio(10), 4);
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

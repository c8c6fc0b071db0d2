using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

public class BatchQualityTests
{
    private static readonly LogisticTask Task3 = new(new LearningSection { Dimensions = 3 }, runSeed: 5);

    [Fact]
    public void CompletenessIsTheFractionOfPresentValues()
    {
        double[] features = [1, 1, 1, double.NaN, 1, 1]; // two records, one value missing
        var scores = BatchQuality.Measure(Task3, features, 2, BatchQuality.Shares(new long[8]), new int[8], new long[8]);
        Assert.Equal(5 / 6.0, scores.Completeness, 12);
    }

    [Fact]
    public void DiversityIsZeroForOneRegionAndOneForAllRegionsEvenly()
    {
        Assert.Equal(0, BatchQuality.Diversity([4, 0, 0, 0, 0, 0, 0, 0], 4));
        Assert.Equal(1, BatchQuality.Diversity([1, 1, 1, 1, 1, 1, 1, 1], 8), 12);
        Assert.Equal(0.5, BatchQuality.Diversity([2, 2, 0, 0], 4), 12); // ln 2 / ln 4
    }

    [Fact]
    public void ScarcityIsZeroInTheMostCommonRegionAndOneWhereThereWasNoData()
    {
        double[] reference = [0.75, 0.25, 0, 0];
        Assert.Equal(0, BatchQuality.Scarcity([5, 0, 0, 0], 5, reference));
        Assert.Equal(1, BatchQuality.Scarcity([0, 0, 5, 0], 5, reference));
        Assert.Equal(2 / 3.0, BatchQuality.Scarcity([0, 5, 0, 0], 5, reference), 12); // 1 − 0.25/0.75
        Assert.Equal(0, BatchQuality.Scarcity([1, 1, 1, 1], 4, BatchQuality.Shares(new long[4]))); // no data yet: uniform
    }

    [Fact]
    public void QualityIsTheWeightedSum()
    {
        var q = new BatchScores(1.0, 0.5, 0.0).Quality(new QualityWeightsSection { Completeness = 0.4, Diversity = 0.3, Scarcity = 0.3 });
        Assert.Equal(0.55, q, 12);
    }

    // Care drives what the measures see: careless batches have more missing values and a narrower
    // spread (lower diversity), and more labels defaulted to class 0.
    [Fact]
    public void CarelessBatchesMeasureWorseThanCarefulOnes()
    {
        var task = new LogisticTask(new LearningSection(), runSeed: 9);
        var (careful, positivesCareful) = MeanScores(task, care: 1.0);
        var (careless, positivesCareless) = MeanScores(task, care: 0.0);
        Assert.Equal(1.0, careful.Completeness);
        Assert.InRange(careless.Completeness, 0.68, 0.72); // max_missing_rate 0.3
        Assert.True(careful.Diversity > careless.Diversity + 0.2, $"{careful.Diversity} vs {careless.Diversity}");
        Assert.True(positivesCareless < positivesCareful - 0.15, $"{positivesCareless} vs {positivesCareful}");
    }

    private static (BatchScores Scores, double Positives) MeanScores(LogisticTask task, double care)
    {
        const int batches = 200, n = 100;
        var (features, labels, centre) = (new double[n * task.Dimensions], new double[n], new double[task.Dimensions]);
        var rng = new Xoshiro256StarStar(0);
        double c = 0, d = 0, positives = 0;
        for (var b = 0; b < batches; b++)
        {
            task.Generate(new BatchDescriptor(b, n, care, (ulong)b + 1), rng, features, labels, centre);
            var s = BatchQuality.Measure(task, features, n, BatchQuality.Shares(new long[task.Regions]), new int[task.Regions],
                new long[task.Regions]);
            c += s.Completeness;
            d += s.Diversity;
            positives += labels.Average();
        }
        return (new BatchScores(c / batches, d / batches, 0), positives / batches);
    }
}

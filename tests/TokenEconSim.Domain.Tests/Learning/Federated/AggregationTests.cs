using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

public class AggregationTests
{
    // The seeds' worked example (project seed paper, FedAvg): two clients' layers w1, w2 with sample
    // sizes 100 and 150 average to w1 = (100·[1.2, 0.8] + 150·[1.0, 0.9]) / 250 = [1.08, 0.86] and
    // w2 = (100·[−0.5, 1.5] + 150·[−0.3, 1.6]) / 250 = [−0.38, 1.56]. Coordinates are [w1…, w2…].
    [Fact]
    public void FedAvgReproducesTheSeedsExample()
    {
        double[][] updates = [[1.2, 0.8, -0.5, 1.5], [1.0, 0.9, -0.3, 1.6]];
        var avg = Aggregation.Aggregate(AggregationRule.Fedavg, 0, updates, [100L, 150L], 4);
        double[] expected = [1.08, 0.86, -0.38, 1.56];
        for (var k = 0; k < 4; k++) Assert.Equal(expected[k], avg[k], 12);
        Assert.Equal(avg, Aggregation.FedAvg(updates, [100L, 150L]));
    }

    [Fact]
    public void FedAvgWeighsBySamplesNotByClient()
    {
        var avg = Aggregation.Aggregate(AggregationRule.Fedavg, 0, [[0.0], [10.0]], [1L, 9L], 1);
        Assert.Equal(9.0, avg[0], 12);
    }

    [Fact]
    public void MedianIsTheMiddleValuePerCoordinateAndTheMeanOfTheTwoMiddleOnesForAnEvenCount()
    {
        double[][] odd = [[1, 30], [2, 10], [3, 20]];
        Assert.Equal([2.0, 20.0], Aggregation.Aggregate(AggregationRule.Median, 0, odd, [1L, 1L, 1L], 2));
        double[][] even = [[1], [4], [2], [10]];
        Assert.Equal([3.0], Aggregation.Aggregate(AggregationRule.Median, 0, even, [1L, 1L, 1L, 1L], 1));
    }

    [Fact]
    public void TrimmedMeanDropsTheSameNumberAtEachEnd()
    {
        double[][] values = [[1], [2], [3], [4], [100]];
        // β = 0.2 of 5 drops one at each end: mean of 2, 3, 4.
        Assert.Equal(3.0, Aggregation.Aggregate(AggregationRule.TrimmedMean, 0.2, values, [1L, 1L, 1L, 1L, 1L], 1)[0], 12);
        // β = 0: the plain mean.
        Assert.Equal(22.0, Aggregation.Aggregate(AggregationRule.TrimmedMean, 0, values, [1L, 1L, 1L, 1L, 1L], 1)[0], 12);
        // Never trims everything: β = 0.49 of 2 keeps both.
        Assert.Equal(1.5, Aggregation.TrimmedMean([1.0, 2.0], 0.49), 12);
    }

    // One client sends an outlier 1000× the honest updates: FedAvg follows it, the robust rules do not.
    [Fact]
    public void MedianAndTrimmedMeanResistAnOutlierThatMovesFedAvg()
    {
        double[][] updates = [[1.0, -1.0], [1.1, -0.9], [0.9, -1.1], [1.05, -0.95], [-1000.0, 1000.0]];
        long[] samples = [100, 100, 100, 100, 100];
        var fedavg = Aggregation.Aggregate(AggregationRule.Fedavg, 0, updates, samples, 2);
        var median = Aggregation.Aggregate(AggregationRule.Median, 0, updates, samples, 2);
        var trimmed = Aggregation.Aggregate(AggregationRule.TrimmedMean, 0.2, updates, samples, 2);
        Assert.True(fedavg[0] < -100 && fedavg[1] > 100, $"FedAvg {fedavg[0]}, {fedavg[1]}");
        Assert.Equal(1.0, median[0], 12);
        Assert.Equal(-0.95, median[1], 12);
        Assert.Equal((1.0 + 0.9 + 1.05) / 3, trimmed[0], 12);
        Assert.Equal((-1.0 - 0.95 - 0.9) / 3, trimmed[1], 12);
    }

    [Fact]
    public void LeavingOneOutAggregatesTheOthersAndNoneLeftIsZero()
    {
        double[][] updates = [[1.0], [3.0], [5.0]];
        Assert.Equal([4.0], Aggregation.Aggregate(AggregationRule.Fedavg, 0, updates, [1L, 1L, 1L], 1, skip: 0));
        Assert.Equal([3.0], Aggregation.Aggregate(AggregationRule.Median, 0, updates, [1L, 1L, 1L], 1, skip: 1));
        Assert.Equal([0.0], Aggregation.Aggregate(AggregationRule.Median, 0, [[7.0]], [1L], 1, skip: 0));
    }
}

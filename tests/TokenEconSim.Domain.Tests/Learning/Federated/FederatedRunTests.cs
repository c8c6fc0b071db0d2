using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tests.Simulation;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

/// <summary>Whole runs with learning.kind: federated on the direct engine (the ledger identity is checked by the loop every epoch).</summary>
public class FederatedRunTests
{
    private static SmallScenario Federated(AggregationRule rule = AggregationRule.Fedavg, double byzantine = 0, double tolerance = 0.01,
        int agentsPerGrain = 1, FinalityKind finality = FinalityKind.Pbft) => new()
        {
            Epochs = 12, Providers = 30, Trainers = 10, Users = 10, Validators = 4, Miners = 3, AgentsPerGrain = agentsPerGrain,
            ConsensusSection = new ConsensusSection { Finality = finality },
            Learning = new LearningSection
            {
                Kind = LearningKind.Federated, Dimensions = 6, ValidationSize = 500, LearningRate = 0.2, Aggregation = rule,
                TrimFraction = 0.3, Tolerance = tolerance, Byzantine = new ByzantineTrainersSection { Fraction = byzantine, Scale = 4 },
            },
        };

    private static Task<IReadOnlyList<EpochMetrics>> Run(SmallScenario s) => DirectRun.RunAsync(s);

    [Fact]
    public async Task ValidationAccuracyRisesWellAboveChance()
    {
        var rows = await Run(Federated());
        Assert.InRange(rows[0].ModelAccuracy, 0.4, 0.6);          // epoch 0: nothing to train on yet, w = 0
        Assert.Equal(0, rows[0].TrainerUpdates);
        Assert.True(rows[^1].ModelAccuracy > 0.85, $"final accuracy {rows[^1].ModelAccuracy}");
        Assert.True(rows[^1].ModelLoss < rows[0].ModelLoss);
        Assert.All(rows.Skip(1), r => Assert.Equal(10, r.TrainerUpdates));
        Assert.True(rows.Skip(1).Sum(r => r.ValueTraining) > 0);
    }

    [Fact]
    public async Task ShardSizeAndFinalityPathGiveTheSameNumbers()
    {
        var one = await Run(Federated(agentsPerGrain: 1));
        var seven = await Run(Federated(agentsPerGrain: 7));
        var all = await Run(Federated(agentsPerGrain: 1000));
        Assert.Equal(Fingerprint(one), Fingerprint(seven));
        Assert.Equal(Fingerprint(one), Fingerprint(all));
    }

    // 30 % sign-flipping trainers: FedAvg's aggregate points the wrong way and the validators reject
    // it (the model stays at chance, trainers earn nothing); the median keeps learning.
    [Fact]
    public async Task PoisonedUpdatesAreRejectedUnderFedAvgAndFilteredByTheMedian()
    {
        var fedavg = await Run(Federated(AggregationRule.Fedavg, byzantine: 0.3));
        var median = await Run(Federated(AggregationRule.Median, byzantine: 0.3));
        var trimmed = await Run(Federated(AggregationRule.TrimmedMean, byzantine: 0.3));
        var honest = await Run(Federated());

        Assert.All(fedavg.Skip(1), r => Assert.False(r.UpdateAccepted));
        Assert.All(fedavg.Skip(1), r => Assert.Equal(0, r.ValueTraining));
        Assert.All(fedavg.Skip(1), r => Assert.Equal(0, r.RewardTotal(Role.Trainer)));
        Assert.Equal(fedavg[0].ModelAccuracy, fedavg[^1].ModelAccuracy);
        Assert.True(fedavg.Skip(1).All(r => r.RewardTotal(Role.DataProvider) > 0)); // a rejected update still pays the data
        Assert.InRange(median[^1].ModelAccuracy, honest[^1].ModelAccuracy - 0.05, 1);
        Assert.InRange(trimmed[^1].ModelAccuracy, honest[^1].ModelAccuracy - 0.05, 1);
    }

    // Without the validators' filter (a huge tolerance) poisoned FedAvg drives the model below chance.
    [Fact]
    public async Task WithoutValidationPoisonedFedAvgMakesTheModelWorse()
    {
        var rows = await Run(Federated(AggregationRule.Fedavg, byzantine: 0.3, tolerance: 1000));
        Assert.All(rows, r => Assert.True(r.UpdateAccepted));
        Assert.True(rows[^1].ModelAccuracy < 0.5, $"accuracy {rows[^1].ModelAccuracy}");
    }

    [Fact]
    public async Task VoteFinalityCarriesTheVerdictToo()
    {
        var rows = await Run(Federated(AggregationRule.Fedavg, byzantine: 0.3, finality: FinalityKind.Vote));
        Assert.Contains(rows, r => r.Accepted && r.UpdateAccepted == false);
    }

    [Fact]
    public async Task SyntheticLearningHasNoModelColumns()
    {
        var rows = await Run(new SmallScenario { Epochs = 3 });
        Assert.All(rows, r => Assert.True(double.IsNaN(r.ModelAccuracy) && r.UpdateAccepted is null && r.TrainerUpdates == 0));
    }

    // Checkpoint convention: the run-level learning state round-trips to the bit, and a loop
    // restored from it continues exactly as the original.
    [Fact]
    public async Task TheLearningStateRoundTripsExactly()
    {
        var run = new DirectRun(Federated().Build());
        await run.AdvanceAsync(5);
        var learning = run.Loop.Learning!;
        var bytes = Write(learning);
        var copy = new FederatedLearning(run.Model);
        Assert.NotEqual(bytes, Write(copy));
        using (var reader = new BinaryReader(new MemoryStream(bytes))) copy.ReadState(reader);
        Assert.Equal(bytes, Write(copy));
        Assert.Equal(learning.Weights, copy.Weights);
        Assert.Equal(learning.NextOrder().Batches, copy.NextOrder().Batches);
        Assert.Equal(learning.UpdateDigest(), copy.UpdateDigest());
        Assert.Equal(learning.Settle(true), copy.Settle(true), new OutcomeComparer());
    }

    private static byte[] Write(FederatedLearning learning)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) learning.WriteState(writer);
        return stream.ToArray();
    }

    private sealed class OutcomeComparer : IEqualityComparer<LearningOutcome>
    {
        public bool Equals(LearningOutcome? a, LearningOutcome? b) => a!.Model == b!.Model && a.UpdateAccepted == b.UpdateAccepted
            && a.Updates == b.Updates && a.Score.AccuracyGains.SequenceEqual(b.Score.AccuracyGains);
        public int GetHashCode(LearningOutcome o) => o.Updates;
    }

    private static string Fingerprint(IReadOnlyList<EpochMetrics> rows) => string.Join("\n", rows.Select(r =>
        $"{r.Epoch},{r.ModelAccuracy:R},{r.ModelLoss:R},{r.UpdateAccepted},{r.TrainerUpdates},{r.MeanQuality:R},{r.ValueData:R},"
        + $"{r.ValueTraining:R},{r.Calls},{r.Supply},{string.Join(';', r.RewardsByRole)}"));
}

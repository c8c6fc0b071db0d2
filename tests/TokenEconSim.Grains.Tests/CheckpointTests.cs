using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Grains.Tests;

/// <summary>
/// A checkpoint must carry every piece of a run's state: for every shipped scenario, a run that
/// checkpoints (and so drains its pipeline) gives the uninterrupted run's bytes, and a new loop
/// restored from a mid-run checkpoint finishes with those bytes too. A component whose state a
/// checkpoint misses makes the restored half differ.
/// </summary>
public sealed class CheckpointTests
{
    /// <summary>Every shipped scenario (sweep files and the bench aside) that takes checkpoints.</summary>
    public static TheoryData<string> Scenarios => [.. Shipped().Where(n => EpochLoop.NotCheckpointable(LoadSmall(n)) is null)];

    /// <summary>The shipped scenarios that take none (EpochLoop.NotCheckpointable says why).</summary>
    public static TheoryData<string> Uncheckpointable => [.. Shipped().Where(n => EpochLoop.NotCheckpointable(LoadSmall(n)) is not null)];

    private static IEnumerable<string> Shipped() => Directory.GetFiles(Path.Combine(ClusterRun.RepoRoot(), "scenarios"), "*.yaml")
        .Where(f => !TokenEconSim.Scenarios.Sweeps.SweepLoader.HasSweepSection(f))
        .Select(f => Path.GetFileName(f)!)
        .Where(n => n != "bench.yaml").Order();

    // The token market, and a responding population that bonds a stake (its entry reads the balance),
    // are not checkpointed (EpochLoop.NotCheckpointable): asking for checkpoints must leave their bytes
    // unchanged and save none, rather than drain and drift.
    [Theory]
    [MemberData(nameof(Uncheckpointable))]
    public async Task AMarketOrStakedRunTakesNoCheckpointAndKeepsItsBytes(string file)
    {
        var scenario = LoadSmall(file);
        Assert.NotNull(EpochLoop.NotCheckpointable(scenario));
        var uninterrupted = await RunDirect(scenario, checkpointEvery: 0);
        var checkpoints = new SortedDictionary<int, byte[]>();
        var asked = await RunDirect(scenario, checkpointEvery: 3, checkpoints);
        Assert.Empty(checkpoints);
        Assert.Equal(ClusterRun.Text(Csv(uninterrupted)), ClusterRun.Text(Csv(asked)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RestoringAMidRunCheckpointGivesTheUninterruptedBytes(string file)
    {
        var scenario = LoadSmall(file);
        var uninterrupted = await RunDirect(scenario, checkpointEvery: 0);

        var checkpoints = new SortedDictionary<int, byte[]>();
        var checkpointed = await RunDirect(scenario, checkpointEvery: 3, checkpoints);
        Assert.Equal(ClusterRun.Text(Csv(uninterrupted)), ClusterRun.Text(Csv(checkpointed)));
        Assert.Equal([3, 6], checkpoints.Keys);

        foreach (var (epoch, bytes) in checkpoints)
        {
            var loop = NewLoop(scenario, checkpointEvery: 3, new SortedDictionary<int, byte[]>());
            await loop.RestoreAsync(bytes, TestContext.Current.CancellationToken);
            var rest = await loop.AdvanceAsync(int.MaxValue, TestContext.Current.CancellationToken);
            Assert.Equal(epoch, rest[0].Epoch);
            Assert.Equal(ClusterRun.Text(Csv(uninterrupted)), ClusterRun.Text(Csv([.. uninterrupted.Take(epoch), .. rest])));
        }
    }

    /// <summary>Every behaviour model, with cheating (no stake), through checkpoints: the behaviour state and the loop's r̂ queue.</summary>
    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task ARespondingRunRestoredFromACheckpointGivesTheUninterruptedBytes(string model)
    {
        await AssertRestoresToTheUninterruptedBytes(LoadSmall("incentives-synthetic.yaml", ("run.epochs", "12"),
            ("behaviour.data_providers.stake", "0"), ("behaviour.data_providers.model", model), ("behaviour.trainers.model", model),
            ("behaviour.users.model", model)));
    }

    /// <summary>
    /// Under federated learning too: providers' batches and trainers' updates from their actions (cheats included), the users' value of
    /// the model's accuracy, and the pending batches of the learning state are restored.
    /// </summary>
    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task FederatedRespondingPopulationsRestoredFromACheckpointGiveTheUninterruptedBytes(string model) =>
        await AssertRestoresToTheUninterruptedBytes(LoadSmall("ai-baseline.yaml", ("run.epochs", "12"),
            ("behaviour.data_providers.model", model), ("behaviour.data_providers.max_count", "120"), ("behaviour.data_providers.cheating", "true"),
            ("behaviour.trainers.model", model), ("behaviour.trainers.gpu_hours", "2"), ("behaviour.trainers.cheating", "true"),
            ("behaviour.users.model", model), ("behaviour.users.max_count", "80")));

    /// <summary>
    /// Responding miners (miners-respond.yaml, 10 present of 25, energy cost near the 720 tokens a unit of hashrate earns at the
    /// genesis difficulty): their switched-on hashrates reach the restored chain, and their pay (block rewards) settles into the
    /// restored state.
    /// </summary>
    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task RespondingMinersRestoredFromACheckpointGiveTheUninterruptedBytes(string model) =>
        await AssertRestoresToTheUninterruptedBytes(LoadSmall("miners-respond.yaml", ("run.epochs", "12"), ("behaviour.miners.model", model),
            ("behaviour.miners.inertia", "0.5"), ("behaviour.miners.energy_cost", "700"), ("populations.miners.count", "10"),
            ("behaviour.miners.max_count", "25"), ("behaviour.miners.lambda", "0.05")));

    /// <summary>
    /// env-price: the outside token price the miners decide by, and the LSTM reading it (lstm.inputs: all) in a predictive_asert
    /// chain; the journal replays each epoch's price, so the restored forecaster sees the windows the uninterrupted one saw.
    /// </summary>
    [Fact]
    public async Task TheOutsidePriceAndTheForecastInputsRestoredFromACheckpointGiveTheUninterruptedBytes() =>
        await AssertRestoresToTheUninterruptedBytes(LoadSmall("env-price.yaml", ("run.epochs", "12"),
            ("consensus.difficulty.retarget_window", "36"), ("consensus.difficulty.lstm.inputs", "all"),
            ("consensus.difficulty.lstm.period", "300000"), ("consensus.difficulty.lstm.window", "3"),
            ("consensus.difficulty.lstm.train_every", "2"), ("consensus.difficulty.skill_windows", "2")));

    /// <summary>Responding validators (the baseline at a stake yield of 0.03 an epoch, near the proposer reward per unit when all
    /// bond): their bonded stakes and votes reach the restored consensus, their proposer rewards settle into the restored state.</summary>
    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task RespondingValidatorsRestoredFromACheckpointGiveTheUninterruptedBytes(string model) =>
        await AssertRestoresToTheUninterruptedBytes(LoadSmall("baseline.yaml", ("run.epochs", "12"), ("behaviour.validators.model", model),
            ("behaviour.validators.inertia", "0.5"), ("behaviour.validators.stake_yield", "0.03"), ("behaviour.validators.lambda", "100")));

    private static async Task AssertRestoresToTheUninterruptedBytes(Domain.Parameters.Scenario scenario)
    {
        Assert.Null(EpochLoop.NotCheckpointable(scenario));
        var uninterrupted = await RunDirect(scenario, checkpointEvery: 0);
        var checkpoints = new SortedDictionary<int, byte[]>();
        Assert.Equal(ClusterRun.Text(Csv(uninterrupted)), ClusterRun.Text(Csv(await RunDirect(scenario, 4, checkpoints))));
        Assert.Equal([4, 8], checkpoints.Keys);
        foreach (var (epoch, bytes) in checkpoints)
        {
            var loop = NewLoop(scenario, checkpointEvery: 4, new SortedDictionary<int, byte[]>());
            await loop.RestoreAsync(bytes, TestContext.Current.CancellationToken);
            var rest = await loop.AdvanceAsync(int.MaxValue, TestContext.Current.CancellationToken);
            Assert.Equal(ClusterRun.Text(Csv(uninterrupted)), ClusterRun.Text(Csv([.. uninterrupted.Take(epoch), .. rest])));
        }
    }

    [Fact]
    public async Task ARestoredLoopCheckpointsTheSameBytesAsTheOriginal()
    {
        var scenario = LoadSmall("baseline.yaml");
        var first = new SortedDictionary<int, byte[]>();
        await RunDirect(scenario, 3, first);
        var second = new SortedDictionary<int, byte[]>();
        var loop = NewLoop(scenario, 3, second);
        await loop.RestoreAsync(first[3], TestContext.Current.CancellationToken);
        await loop.AdvanceAsync(int.MaxValue, TestContext.Current.CancellationToken);
        Assert.Equal(first[6], second[6]);
    }

    [Fact]
    public async Task ACheckpointOfAnotherRunIsRefusedWithItsReason()
    {
        var checkpoints = new SortedDictionary<int, byte[]>();
        await RunDirect(LoadSmall("baseline.yaml"), 3, checkpoints);
        var other = NewLoop(LoadSmall("baseline.yaml", ("run.seed", "99")), 3, []);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => other.RestoreAsync(checkpoints[3], TestContext.Current.CancellationToken));
        Assert.Contains("seed 42", e.Message);
        await Assert.ThrowsAsync<InvalidDataException>(() => NewLoop(LoadSmall("baseline.yaml"), 3, []).RestoreAsync([1, 2, 3],
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AShardStateRoundTripsExactly()
    {
        var model = new RunModel(LoadSmall("baseline.yaml"));
        var a = new Domain.Agents.AgentShard(model, 0, 50);
        a.Step(new StepOrder(null, null, null, 0));
        var b = new Domain.Agents.AgentShard(new RunModel(LoadSmall("baseline.yaml", ("run.seed", "5"))), 0, 50);
        Assert.NotEqual(a.StateBytes(), b.StateBytes());
        b.ReadStateBytes(a.StateBytes());
        Assert.Equal(a.StateBytes(), b.StateBytes());
        Assert.Equal(a.Step(new StepOrder(null, 0, null, 1)).FeesPaid, b.Step(new StepOrder(null, 0, null, 1)).FeesPaid);
        Assert.Equal(a.StateBytes(), b.StateBytes());
    }

    private static async Task<IReadOnlyList<EpochMetrics>> RunDirect(Domain.Parameters.Scenario scenario, int checkpointEvery,
        SortedDictionary<int, byte[]>? sink = null) =>
        await NewLoop(scenario, checkpointEvery, sink ?? []).AdvanceAsync(int.MaxValue, TestContext.Current.CancellationToken);

    private static EpochLoop NewLoop(Domain.Parameters.Scenario scenario, int checkpointEvery, SortedDictionary<int, byte[]> sink)
    {
        var model = new RunModel(scenario);
        return new EpochLoop(model, new DirectShardGateway(model), ConsensusFactory.Create(scenario))
        {
            CheckpointEvery = checkpointEvery,
            SaveCheckpoint = (epoch, bytes, _) => { sink[epoch] = bytes; return Task.CompletedTask; },
        };
    }

    private static Domain.Parameters.Scenario LoadSmall(string file, params (string Key, string Value)[] sets)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(ClusterRun.RepoRoot(), "scenarios", file),
            [new("run.epochs", "8"), .. sets.Select(s => new KeyValuePair<string, string>(s.Key, s.Value))]);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    private static byte[] Csv(IReadOnlyList<EpochMetrics> rows) => ClusterRun.Csv(rows);
}

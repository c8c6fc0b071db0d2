using Orleans.TestingHost;
using TokenEconSim.Results;

namespace TokenEconSim.Grains.Tests;

/// <summary>
/// docs/model.md §7: a run is a pure function of (scenario, seed), whatever the number of silos,
/// the shard size or the scheduling. Every test starts a one-silo and a two-silo cluster of its own
/// (xunit creates the class, and so runs InitializeAsync, once per test), so counts of activations
/// such as ValidatorAndMinerGrainsDoTheConsensusWork's see only that test's grains.
/// </summary>
public sealed class ClusterDeterminismTests : IAsyncLifetime
{
    private InProcessTestCluster _one = null!;
    private InProcessTestCluster _two = null!;

    public async ValueTask InitializeAsync()
    {
        _one = await ClusterRun.StartClusterAsync(1);
        _two = await ClusterRun.StartClusterAsync(2);
    }

    public async ValueTask DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
    }

    [Fact]
    public async Task OneSiloAndTwoSilosAndDirectEngineGiveIdenticalMetrics()
    {
        var resolved = ClusterRun.Resolved(("run.agents_per_grain", "5"));
        var direct = await ClusterRun.DirectAsync(resolved);
        var one = await ClusterRun.OnClusterAsync(_one.Client, "det-one", resolved);
        var two = await ClusterRun.OnClusterAsync(_two.Client, "det-two", resolved);
        var metrics = ClusterRun.Text(direct).Split(BlocksCsvWriter.Header)[0];
        Assert.Equal(13, metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(ClusterRun.Text(direct), ClusterRun.Text(one));
        Assert.Equal(ClusterRun.Text(direct), ClusterRun.Text(two));
    }

    // Every consensus kind, including real hashing, and the token economy give the direct engine's bytes on two silos.
    [Theory]
    [InlineData("pos", "consensus.kind=pos", "consensus.pos.byzantine=2", "consensus.pos.equivocation_probability=1")]
    [InlineData("dpos", "consensus.kind=dpos", "consensus.dpos.producers=3", "consensus.dpos.miss_probability=0.2")]
    [InlineData("pbft", "consensus.finality=pbft", "consensus.pbft.byzantine=2", "consensus.pbft.behaviour=random")]
    [InlineData("real", "consensus.hashing=real", "consensus.difficulty.algorithm=asert", "consensus.difficulty.half_life=3600")]
    [InlineData("bitcoin", "consensus.difficulty.algorithm=bitcoin", "consensus.difficulty.retarget_window=20", "run.seed=3")]
    [InlineData("lstm-asert", "consensus.difficulty.algorithm=lstm_asert", "consensus.difficulty.retarget_window=4", "consensus.hashing=real")]
    [InlineData("predictive-asert", "consensus.difficulty.algorithm=predictive_asert", "consensus.difficulty.retarget_window=5",
        "consensus.difficulty.predictor=seasonal_naive", "consensus.difficulty.season_windows=4", "consensus.difficulty.skill_windows=2",
        "populations.miners.switch_period=4", "populations.miners.switch_factor=3", "consensus.block_timing=poisson")]
    [InlineData("price-inputs", "consensus.difficulty.algorithm=predictive_asert", "consensus.difficulty.retarget_window=4",
        "consensus.difficulty.lstm.inputs=all", "consensus.difficulty.lstm.period=24000", "consensus.difficulty.lstm.window=3",
        "consensus.difficulty.lstm.hidden=4", "consensus.difficulty.lstm.train_every=2", "consensus.difficulty.lstm.history=12",
        "consensus.difficulty.skill_windows=2", "market.price_sigma=0.3", "market.price_reversion=0.1", "behaviour.numeraire=stable",
        "behaviour.miners.model=logit", "behaviour.miners.energy_cost=30", "consensus.block_timing=poisson")]
    [InlineData("economy", "governance.enabled=true", "governance.adaptive=true", "governance.adaptive_interval=2", "market.enabled=true",
        "marketplace.enabled=true", "marketplace.purchase_probability=0.6")]
    [InlineData("behaviour", "rewards.mode=shares", "behaviour.data_providers.model=logit", "behaviour.data_providers.cheating=true",
        "behaviour.data_providers.stake=5", "behaviour.data_providers.slash=5", "behaviour.data_providers.max_count=60",
        "behaviour.trainers.model=best_response", "behaviour.users.model=bandit", "behaviour.users.bandit=ucb1")]
    [InlineData("consensus-behaviour", "behaviour.miners.model=logit", "behaviour.miners.energy_cost=30", "behaviour.miners.lambda=1",
        "behaviour.miners.max_count=12", "behaviour.validators.model=best_response", "behaviour.validators.stake_yield=0.08",
        "behaviour.validators.inertia=0.5")]
    [InlineData("payoff-governance", "rewards.mode=shares", "behaviour.data_providers.model=logit", "behaviour.data_providers.stake=5",
        "behaviour.trainers.model=logit", "behaviour.trainers.stake=10", "governance.enabled=true", "governance.voting=payoff",
        "governance.adaptive=true", "governance.adaptive_interval=2", "governance.timelock=0")]
    [InlineData("yuma", "rewards.scoring=yuma", "rewards.yuma.bias=uniform(-0.1,0.1)", "rewards.yuma.noise=uniform(0,0.3)",
        "populations.data_providers.participation=0.8", "populations.validators.participation=0.8")]
    [InlineData("yuma-shares-behaviour", "rewards.scoring=yuma", "rewards.mode=shares", "rewards.yuma.noise=const(0.2)",
        "rewards.yuma.liquid_alpha=false", "behaviour.data_providers.model=logit", "behaviour.data_providers.cheating=true",
        "behaviour.data_providers.max_count=60", "behaviour.trainers.model=best_response")]
    [InlineData("network-selfish", "network.topology=regions", "network.relay_nodes=30", "network.validation_ms=50",
        "network.attacker.strategy=selfish", "network.attacker.share=0.3", "network.attacker.gamma=0.5")]
    [InlineData("network-double-spend", "network.topology=random", "network.degree=4", "network.attacker.strategy=double_spend",
        "network.attacker.share=0.3", "network.attacker.confirmations=2", "consensus.difficulty.algorithm=bitcoin",
        "consensus.difficulty.retarget_window=20")]
    [InlineData("yuma-adversaries", "rewards.scoring=yuma", "rewards.yuma.noise=const(0.1)", "rewards.yuma.colluders=1",
        "rewards.yuma.copiers=1", "rewards.yuma.lazy=1", "rewards.yuma.lazy_period=3", "populations.trainers.participation=0.7")]
    public async Task EveryConsensusKindGivesTheSameBytesOnTwoSilos(string name, params string[] sets)
    {
        var resolved = ClusterRun.Resolved([("run.epoch_length", "6000"), ("run.agents_per_grain", "7"),
            .. sets.Select(s => (s[..s.IndexOf('=')], s[(s.IndexOf('=') + 1)..]))]);
        var direct = await ClusterRun.DirectAsync(resolved);
        var two = await ClusterRun.OnClusterAsync(_two.Client, $"kind-{name}", resolved);
        Assert.Contains(BlocksCsvWriter.Header, ClusterRun.Text(direct));
        Assert.Equal(ClusterRun.Text(direct), ClusterRun.Text(two));
    }

    // Federated learning: trainers train inside their shard grains, the barrier aggregates in id
    // order, the validator grains decide the update through PBFT; shard size and silos change nothing.
    [Theory]
    [InlineData("ai-baseline.yaml", "fedavg")]
    [InlineData("byzantine-trainers.yaml", "fedavg")]
    [InlineData("byzantine-trainers.yaml", "trimmed_mean")]
    public async Task FederatedLearningScenariosGiveTheSameBytesOnEveryEngineAndShardSize(string file, string aggregation)
    {
        (string, string)[] common = [("run.epochs", "8"), ("learning.aggregation", aggregation), ("outputs.charts", "false")];
        var direct = await ClusterRun.DirectAsync(ClusterRun.ResolvedFile(file, [.. common, ("run.agents_per_grain", "1000")]));
        var two = await ClusterRun.OnClusterAsync(_two.Client, $"fl-{file}-{aggregation}-7",
            ClusterRun.ResolvedFile(file, [.. common, ("run.agents_per_grain", "7")]));
        var one = await ClusterRun.OnClusterAsync(_one.Client, $"fl-{file}-{aggregation}-50",
            ClusterRun.ResolvedFile(file, [.. common, ("run.agents_per_grain", "50")]));
        var text = ClusterRun.Text(direct);
        var rows = text.Split(BlocksCsvWriter.Header)[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var updates = Array.IndexOf(rows[0].Split(','), "trainer_updates");
        Assert.Equal("30", rows[^1].Split(',')[updates]); // the last epoch aggregated all 30 trainers' updates
        Assert.Equal(text, ClusterRun.Text(two));
        Assert.Equal(text, ClusterRun.Text(one));
    }

    // The federated economy whose providers, trainers and users respond (docs/model.md §17.10), with each behaviour model: their
    // batches, updates and choices come from each agent's own stream, so one silo, two silos and the direct engine agree.
    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task RespondingFederatedPopulationsGiveTheSameBytesOnOneAndTwoSilos(string model)
    {
        (string, string)[] common = [("run.epochs", "8"), ("outputs.charts", "false"), ("behaviour.data_providers.model", model),
            ("behaviour.trainers.model", model), ("behaviour.users.model", model)];
        var direct = await ClusterRun.DirectAsync(ClusterRun.ResolvedFile("incentives.yaml", [.. common, ("run.agents_per_grain", "1000")]));
        var two = await ClusterRun.OnClusterAsync(_two.Client, $"respond-{model}-7",
            ClusterRun.ResolvedFile("incentives.yaml", [.. common, ("run.agents_per_grain", "7")]));
        var one = await ClusterRun.OnClusterAsync(_one.Client, $"respond-{model}-50",
            ClusterRun.ResolvedFile("incentives.yaml", [.. common, ("run.agents_per_grain", "50")]));
        var text = ClusterRun.Text(direct);
        Assert.Contains("cheating_rate_provider", text);
        Assert.Equal(text, ClusterRun.Text(two));
        Assert.Equal(text, ClusterRun.Text(one));
    }

    [Fact]
    public async Task OneGrainPerAgentEqualsHundredAgentsPerGrain()
    {
        var perAgent = await ClusterRun.OnClusterAsync(_two.Client, "shard-1", ClusterRun.Resolved(("run.agents_per_grain", "1")));
        var sharded = await ClusterRun.OnClusterAsync(_two.Client, "shard-100", ClusterRun.Resolved(("run.agents_per_grain", "100")));
        Assert.Equal(ClusterRun.Text(perAgent), ClusterRun.Text(sharded));
    }

    [Fact]
    public async Task ADifferentSeedGivesDifferentNumbers()
    {
        var a = await ClusterRun.OnClusterAsync(_one.Client, "seed-a", ClusterRun.Resolved(("run.seed", "1")));
        var b = await ClusterRun.OnClusterAsync(_one.Client, "seed-b", ClusterRun.Resolved(("run.seed", "2")));
        Assert.NotEqual(ClusterRun.Text(a), ClusterRun.Text(b));
    }

    [Fact]
    public async Task ShardGrainsSpreadOverBothSilos()
    {
        var coordinator = _two.Client.GetGrain<Contracts.IRunCoordinatorGrain>("spread");
        await coordinator.Start(ClusterRun.Resolved(("run.agents_per_grain", "1")));
        var stats = await _two.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
        var silosWithShards = stats.Where(s => s.GrainType.Contains(nameof(AgentShardGrain)) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
        Assert.Equal(2, silosWithShards);
        while (!(await coordinator.Advance(100)).Complete) { }
    }

    // PBFT runs among validator grains and real hashing among miner grains, not in the coordinator.
    [Fact]
    public async Task ValidatorAndMinerGrainsDoTheConsensusWork()
    {
        var resolved = ClusterRun.Resolved(("run.epoch_length", "6000"), ("run.epochs", "2"), ("consensus.finality", "pbft"),
            ("consensus.hashing", "real"));
        var csv = ClusterRun.Text(await ClusterRun.OnClusterAsync(_two.Client, "actors", resolved));
        var stats = await _two.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
        int Activations(string type) => stats.Where(s => s.GrainType.Contains(type)).Sum(s => s.ActivationCount);
        Assert.Equal(7, Activations(nameof(ValidatorGrain)));
        Assert.Equal(9, Activations(nameof(MinerGrain)));

        // The chain grain validated and kept every block: its headers re-hash below target and link up.
        var headers = (await _two.Client.GetGrain<Contracts.IChainGrain>(Contracts.GrainKeys.Chain("actors")).Headers())
            .Select(b => Domain.Chain.BlockHeader.Deserialize(b)).ToArray();
        var blocks = csv.Split(BlocksCsvWriter.Header)[1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(blocks + 1, headers.Length); // + genesis
        var audit = Domain.Chain.ChainAudit.Verify(headers, (System.Numerics.BigInteger.One << 256) - 1);
        Assert.True(audit.Ok, audit.Reason);
    }

    // An epoch's blocks reach the chain grain in one call: it appends them in order and stops at
    // the first it refuses, naming that block; the blocks before it stay on its chain.
    [Fact]
    public async Task TheChainGrainTakesAnEpochsBlocksInOrderAndStopsAtTheFirstRefusal()
    {
        var resolved = ClusterRun.Resolved();
        var scenario = Scenarios.ScenarioLoader.LoadText(resolved).Scenario!;
        const uint bits = 0x1d00ffff;
        var local = Domain.Consensus.Production.PowProducer.CreateChain(scenario.Consensus, bits, scenario.Run.Seed);
        var node = new OrleansChainNode(_two.Client, "batch", resolved);
        await node.StartAsync(bits);
        Domain.Chain.Block Next(uint time, Domain.Chain.Hash256 previous) => Domain.Chain.Block.Assemble(local.TipHeight + 1, previous, time,
            local.RequiredBits(time), [Domain.Chain.ChainTransaction.Reward(7, 50)], 7);
        var first = Next(1000, local.TipHash);
        Assert.True(local.Append(first, 1000).IsAccepted);
        var second = Next(2000, local.TipHash);
        Assert.True(local.Append(second, 2000).IsAccepted);
        var orphan = Next(3000, first.Header.Hash()); // height 3, but linked to block 1
        var third = Next(3000, local.TipHash);

        var verdict = await node.SubmitAsync([new(first, 1000, null), new(second, 2000, null), new(orphan, 3000, null), new(third, 3000, null)]);

        Assert.False(verdict.IsAccepted);
        Assert.Equal(3, verdict.RefusedHeight);
        Assert.Equal(Domain.Chain.BlockRejection.BadPrevHash, verdict.Verdict.Rejection);
        var headers = await _two.Client.GetGrain<Contracts.IChainGrain>(Contracts.GrainKeys.Chain("batch")).Headers();
        Assert.Equal(3, headers.Length); // genesis + the two accepted blocks; nothing after the refusal
        Assert.True((await node.SubmitAsync([new(third, 3000, null)])).IsAccepted);
    }

    // The LSTM predictor grain persists its whole state: deactivated mid-run, it resumes with the
    // same weights and history (the windows' contexts too), so its forecasts equal an uninterrupted in-process predictor's.
    [Fact]
    public async Task ThePredictorGrainSurvivesDeactivationWithItsTrainedState()
    {
        var resolved = ClusterRun.Resolved(("consensus.difficulty.lstm.window", "4"), ("consensus.difficulty.lstm.hidden", "4"),
            ("consensus.difficulty.lstm.train_every", "4"), ("consensus.difficulty.lstm.history", "16"),
            ("consensus.difficulty.lstm.inputs", "all"), ("consensus.difficulty.lstm.period", "5000"));
        var scenario = Scenarios.ScenarioLoader.LoadText(resolved).Scenario!;
        var local = new Domain.Consensus.Prediction.LstmHashratePredictor(scenario.Consensus.Difficulty.Lstm, scenario.Run.Seed);
        var grain = _one.Client.GetGrain<Contracts.IPredictorGrain>(Contracts.GrainKeys.Predictor("survivor"));
        var management = _one.Client.GetGrain<IManagementGrain>(0);
        await grain.Start(resolved); // the scenario goes once; it is kept with the predictor's state
        for (var t = 0; t < 24; t++)
        {
            var hashrate = 100 + 10 * Math.Sin(t / 3.0);
            var (price, reward, difficulty, time) = (1 + 0.1 * Math.Cos(t), 50.0, 4000 + 7.0 * t, 1200L * t);
            local.Observe(hashrate, new(price, reward, difficulty, time));
            var remote = await grain.Observe(hashrate, price, reward, difficulty, time);
            Assert.Equal(local.Predict(), remote);
            if (t % 7 != 6) continue;
            await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
            var stats = await management.GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
            Assert.Equal(0, stats.Where(s => s.GrainType.Contains(nameof(PredictorGrain))).Sum(s => s.ActivationCount)); // really gone
        }
    }
}

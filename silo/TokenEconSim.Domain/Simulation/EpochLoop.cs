using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The run's epoch barrier, shared by both engines: fan out to the shards, await all, aggregate in
/// id order, apply consensus and the reward rules, check the ledger. Simulated time advances only
/// here; nothing depends on wall-clock time or on which shard answers first.
/// The loop is pipelined, one fan-out per epoch (settle m−2, charge and score m−1, draw m): the
/// pipeline, its diagram and why it changes no result are in docs/model.md §1.1 "The epoch
/// pipeline"; <see cref="Drawn"/> and <see cref="Scored"/> are an epoch's two stages in flight.
/// </summary>
public sealed partial class EpochLoop(RunModel model, IShardGateway shards, IConsensus consensus)
{
    private readonly Scenario _scenario = model.Scenario;
    private SupplyLedger? _ledger;
    private Drawn? _drawn;
    private Scored? _scored;
    private int _nextEpoch;
    private double _lastBlockTime;
    private long _lastFeesBurned;
    private readonly HashrateEnvironment.Walk _hashrateWalk = new(model.RunSeed);
    private RewardWeights _weights = model.InitialWeights;
    private readonly FederatedLearning? _learning = FederatedLearning.For(model);

    /// <summary>Federated learning's run state (learning.kind: federated), else null.</summary>
    public FederatedLearning? Learning => _learning;
    private readonly EpochEconomy? _economy = EpochEconomy.Create(model);
    private readonly Market.OutsidePrice? _outsidePrice = Market.OutsidePrice.For(model.Scenario);
    private readonly LoopBehaviour? _behaviour = LoopBehaviour.For(model);
    private readonly LoopYuma? _yuma = LoopYuma.For(model);

    /// <summary>Yuma scoring's loop state (rewards.scoring: yuma), else null.</summary>
    public LoopYuma? Yuma => _yuma;

    /// <summary>The responding populations' loop state (null when every population is fixed), for checkpoints and tests.</summary>
    public LoopBehaviour? Behaviour => _behaviour;

    /// <summary>
    /// The epoch whose per-agent rows (outputs.agents, docs/model.md §17.8) wait in the shards, or null: set when a recorded epoch
    /// completes, which ends <see cref="AdvanceAsync"/>; the host takes them (<see cref="TakeAgentRowsAsync"/>) before advancing again,
    /// so the shards hold at most two recorded epochs whatever the run's length.
    /// </summary>
    public int? AgentsReady { get; private set; }

    /// <summary>Shard <paramref name="shard"/>'s rows of <see cref="AgentsReady"/>; shards are taken one at a time, in shard order (= agent-id
    /// order), so that the host holds one shard's rows at once.</summary>
    public Task<AgentRows> TakeAgentRowsAsync(int shard, CancellationToken ct = default) =>
        shards.TakeAgentRowsAsync(shard, AgentsReady ?? throw new InvalidOperationException("no recorded epoch has completed"), ct);

    /// <summary>How many shards the run's agents are in (<see cref="RunModel.AgentsPerShard"/> each, the last one fewer).</summary>
    public int ShardCount { get; } = model.Layout.Shards(model.AgentsPerShard).Count();

    public int EpochsTotal => _scenario.Run.Epochs;
    /// <summary>Governance, market and marketplace state (null when all are off), for checkpoints.</summary>
    public EpochEconomy? Economy => _economy;
    public int EpochsCompleted { get; private set; }
    public bool IsComplete => EpochsCompleted >= EpochsTotal;

    /// <summary>An epoch whose contributions are drawn; consensus, fees and scores come next.</summary>
    private sealed record Drawn(int Epoch, ContributionReport Contribution, double MeanQuality, RewardWeights Weights)
    {
        /// <summary>The token price the epoch was drawn at: what its agents decided by, and what its consensus may know.</summary>
        public double TokenPrice { get; init; } = StepOrder.NoMarketTokenPrice;
        public ConsensusOutcome? Consensus { get; init; }
        public double PreviousBlockTime { get; init; }
        public Governance.GovernanceEpoch? Governance { get; init; }
        public ConsensusOutcome Decided => Consensus ?? throw new InvalidOperationException($"epoch {Epoch} has no consensus yet");
        /// <summary>Federated learning: the model after consensus decided the epoch's update.</summary>
        public LearningOutcome? Learned { get; init; }
    }

    /// <summary>An epoch charged, scored and (if accepted) given its pool; it settles next.</summary>
    private sealed record Scored(Drawn Drawn, SettleOrder Settle, ScoreReport? Score, long SupplyAtStart, long MintedAtStart,
        long BurnedAtStart, long Pool, long FeesPaid, long FeesBurned)
    {
        /// <summary>Yuma scoring's columns for the epoch (null when it did not run).</summary>
        public YumaScores? Yuma { get; init; }
    }

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (_ledger is not null) return;
        _ledger = new SupplyLedger(await shards.InitializeAsync(ct) + (_economy?.Held ?? 0));
    }

    /// <summary>Runs until <paramref name="maxEpochs"/> more epochs are complete or the run ends; returns their metrics in order.</summary>
    public async Task<IReadOnlyList<EpochMetrics>> AdvanceAsync(int maxEpochs, CancellationToken ct = default)
    {
        await InitializeAsync(ct);
        AgentsReady = null;
        var done = new List<EpochMetrics>();
        while (done.Count + (_settling is null ? 0 : 1) < maxEpochs && !IsComplete && AgentsReady is null)
        {
            ct.ThrowIfCancellationRequested();
            if (await CheckpointIfDueAsync(ct)) continue;
            var drawEpoch = _nextEpoch < EpochsTotal && !DrainingForCheckpoint ? _nextEpoch : (int?)null;
            // Trainers start the next draw from the model consensus is about to decide: decide first.
            if (_learning is not null && _drawn is { Consensus: null } early) _drawn = await DecideAsync(early);
            var scoreOrder = _drawn is { } d ? new ScoreOrder(d.Epoch, d.MeanQuality, d.Weights) { Learning = d.Learned?.Score } : null;
            var tokenPrice = TokenPrice();
            var order = new StepOrder(_scored?.Settle, _drawn?.Epoch, scoreOrder, drawEpoch)
            {
                Learning = drawEpoch is not null ? _learning?.NextOrder() : null,
                TokenPrice = tokenPrice,
                Behaviour = drawEpoch is { } de ? _behaviour?.TermsFor(de, tokenPrice) : null,
            };
            var step = shards.StepAsync(order, ct);
            if (_drawn is { Consensus: null } pending) _drawn = await DecideAsync(pending); // alongside the step
            var reply = MergedStep.Merge(await step);
            await FinishSettlingAsync(done); // the older summary first: the merger's buffers are about to be reused
            // The unpipelined order: finish the older epoch before the newer one touches the ledger.
            if (_scored is not null) Complete(_scored, reply);
            _scored = _drawn is not null ? ChargeAndScore(_drawn, reply) : null;
            _drawn = drawEpoch is { } e ? Draw(e, reply.Contribution!) with { TokenPrice = tokenPrice } : null;
            if (drawEpoch is not null) _nextEpoch++;
        }
        await FinishSettlingAsync(done);
        return done;
    }

    /// <summary>
    /// The price a step runs at: the pool's after the last barrier, or the outside price of the epoch drawn next (also while the
    /// pipeline drains, so a checkpoint changes no price), else 1.
    /// </summary>
    private double TokenPrice() =>
        _outsidePrice?.At(_nextEpoch) ?? _economy?.TokenPrice ?? StepOrder.NoMarketTokenPrice;

    private Drawn Draw(int epoch, ContributionReport c)
    {
        var activeProviders = c.ActiveByRole[(int)Role.DataProvider];
        var meanQuality = activeProviders == 0 ? 0 : new ExactSum(c.QualitySum).Value / activeProviders;
        if (_learning is not null)
            _learning.Absorb(c.Learning ?? throw new InvalidOperationException($"epoch {epoch}: the shards sent no learning report"));
        var governance = _economy?.Govern(epoch, c);
        if (governance is not null) _weights = governance.Weights;
        return new Drawn(epoch, c, meanQuality, _weights) { Governance = governance };
    }

    private async Task<Drawn> DecideAsync(Drawn d)
    {
        var (epoch, c) = (d.Epoch, d.Contribution);
        var epochLength = _scenario.Run.EpochLength;
        var (minerIds, hashrates) = (c.MinerIds, EnvironmentHashrates(epoch, c.MinerHashrates));
        if (_economy is not null) (minerIds, hashrates) = _economy.Running(minerIds, hashrates);
        var outcome = await DecideRecordedAsync(new ConsensusInput(epoch, epoch * epochLength, (epoch + 1) * epochLength,
            minerIds, hashrates, c.ValidatorIds, c.ValidatorStakes, c.ValidVotes,
            model.Layout.CountOf(Role.Validator),
            Emission.Halved(model.BlockRewardUnits, epoch, _scenario.Token.HalvingInterval),
            Emission.Halved(model.ProposerRewardUnits, epoch, _scenario.Token.HalvingInterval))
        {
            DataDigest = Digest(epoch, c.QualitySum, c.DataValueSum),
            ModelDigest = _learning?.UpdateDigest() ?? Digest(epoch, c.GpuHoursSum, c.ActiveByRole[(int)Role.Trainer]),
            PreviousFeesBurned = _lastFeesBurned,
            UpdateVerdict = _learning?.Verdict,
            TokenPrice = d.TokenPrice,
        });
        var learned = _learning?.Settle(outcome.UpdateAccepted ?? false);
        var previousBlockTime = _lastBlockTime;
        if (outcome.Blocks.Count > 0) _lastBlockTime = outcome.Blocks[^1].Time;
        return d with { Consensus = outcome, PreviousBlockTime = previousBlockTime, Learned = learned };
    }

    /// <summary>The miners' drawn hashrates under the scenario's hashrate environment (growth, shock, walk).</summary>
    private double[] EnvironmentHashrates(int epoch, double[] drawn)
    {
        var miners = _scenario.Populations.Miners;
        var factor = HashrateEnvironment.FactorWithWalk(miners, epoch, miners.RandomWalkSigma > 0 ? _hashrateWalk.SumTo(epoch) : 0);
        if (factor == 1) return drawn;
        var scaled = new double[drawn.Length];
        for (var k = 0; k < drawn.Length; k++) scaled[k] = drawn[k] * factor;
        return scaled;
    }

    private Scored ChargeAndScore(Drawn d, MergedStep reply)
    {
        var ledger = _ledger!;
        var (supply, minted, burned) = (ledger.Supply, ledger.Minted, ledger.Burned);
        var feesBurned = (long)Math.Floor(reply.FeesPaid * _scenario.Token.FeeBurnFraction);
        ledger.ReceiveFees(reply.FeesPaid, feesBurned);
        _lastFeesBurned = feesBurned;
        long pool = 0;
        Int128 scoreTotal = 0;
        var accepted = d.Decided.Accepted;
        var score = accepted ? reply.Score : null; // a rejected epoch was scored before consensus knew; its scores count for nothing
        if (score is not null)
        {
            foreach (var s in score.ScoreByRole) scoreTotal += s;
            if (_scenario.Rewards.Mode != RewardMode.Absolute && scoreTotal > 0)
            {
                ledger.MintToTreasury(Emission.Halved(model.EmissionUnits, d.Epoch, _scenario.Token.HalvingInterval));
                pool = ledger.Treasury;
            }
        }
        var shares = _scenario.Rewards.Mode == RewardMode.Shares ? RolePools(pool, d.Weights) : null;
        var yuma = score is not null ? _yuma?.Score(d.Epoch, d.Contribution, score) : null;
        var settle = new SettleOrder(d.Epoch, accepted, _scenario.Rewards.Mode, pool, scoreTotal, d.Decided.Credits)
        {
            RolePools = shares,
            RoleScoreTotals = _scenario.Rewards.Mode == RewardMode.Shares ? score?.ScoreByRole ?? new Int128[Roles.Count] : null,
            Incentives = yuma?.Incentives,
            IncentiveTotals = yuma?.Totals,
            YumaPools = yuma is null ? null : shares ?? [.. score!.ScoreByRole.Select(s => PoolSplit.Share(pool, s, scoreTotal))],
            Debits = d.Decided.Debits,
            Economy = _economy?.NextOrder(d.Epoch),
        };
        _behaviour?.Observe(d.Epoch, settle, score, d.Contribution, d.Learned?.Model.Accuracy ?? double.NaN);
        return new Scored(d, settle, score, supply, minted, burned, pool, reply.FeesPaid, feesBurned) { Yuma = yuma };
    }

    /// <summary>Shares mode (docs/model.md §17.7): the parts α·P, β·P, γ·P of the pool for providers, trainers and users.</summary>
    private static long[] RolePools(long pool, RewardWeights weights)
    {
        var parts = new long[Roles.Count];
        (parts[(int)Role.DataProvider], parts[(int)Role.Trainer], parts[(int)Role.ServiceUser]) = SharesSplit.RolePools(pool, weights);
        return parts;
    }

    /// <summary>Completes epoch m−2 on the ledger and starts its row; the balance summary finishes it (<see cref="StartSettling"/>).</summary>
    private void Complete(Scored p, MergedStep settled)
    {
        var d = p.Drawn;
        var ledger = _ledger!;
        var poolPaid = settled.PoolPaidByRole.Sum();
        var credits = p.Settle.Credits.Sum(x => x.Units);
        if (p.Settle.Mode != RewardMode.Absolute) ledger.PayFromTreasury(poolPaid);
        else ledger.MintToAgents(poolPaid);
        ledger.MintToAgents(credits);
        ledger.BurnFromAgents(settled.Debited);
        if (settled.Behaviour is { } slashes) ledger.BurnFromAgents(slashes.Slashed);

        var economy = _economy?.Settle(d.Governance, settled.Economy, d.Epoch) ?? EconomyMetrics.None;
        if (_outsidePrice is not null) economy = economy with { TokenPrice = d.TokenPrice };
        var identity = ledger.Identity((_economy?.Held ?? 0) + (settled.Behaviour?.BondHeld ?? 0));
        EpochsCompleted++;
        if (_scenario.Outputs.RecordsAgents(d.Epoch, EpochsTotal)) AgentsReady = d.Epoch;

        var blocks = d.Decided.Blocks;
        var intervals = BlockIntervals.Of(blocks, d.PreviousBlockTime);
        var meanBlockTime = blocks.Count == 0 ? double.NaN : (blocks[^1].Time - d.PreviousBlockTime) / blocks.Count;
        var target = _scenario.Consensus.TargetBlockTime;
        var c = d.Contribution;
        var row = new EpochMetrics
        {
            Epoch = d.Epoch,
            Supply = ledger.Supply,
            Minted = ledger.Minted - p.MintedAtStart,
            Burned = ledger.Burned - p.BurnedAtStart,
            Treasury = ledger.Treasury,
            Inflation = p.SupplyAtStart == 0 ? 0 : (ledger.Minted - p.MintedAtStart) / (double)p.SupplyAtStart,
            Gini = double.NaN, // filled in by the balance summary
            Pool = p.Pool,
            FeesPaid = p.FeesPaid,
            FeesBurned = p.FeesBurned,
            Calls = c.Calls,
            Accepted = d.Decided.Accepted,
            ValidVotes = d.Decided.Votes,
            Quorum = d.Decided.Quorum,
            Blocks = blocks.Count,
            MeanBlockTime = meanBlockTime,
            BlockTimeDeviation = (meanBlockTime - target) / target,
            Hashrate = d.Decided.TotalHashrate,
            Difficulty = d.Decided.Difficulty,
            MeanQuality = d.MeanQuality,
            Alpha = d.Weights.Alpha,
            Beta = d.Weights.Beta,
            Gamma = d.Weights.Gamma,
            ValueData = new ExactSum(c.DataValueSum).Value,
            ValueTraining = p.Score is null ? 0 : new ExactSum(p.Score.TrainingValueSum).Value,
            ValueUsage = new ExactSum(c.UsageValueSum).Value,
            BlockTimeSd = BlockIntervals.StandardDeviation(intervals),
            BlockTimeP99 = BlockIntervals.Percentile(intervals, 0.99),
            HashrateEstimated = d.Decided.HashrateEstimated,
            HashratePredicted = d.Decided.HashratePredicted,
            NakamotoHashrate = d.Decided.NakamotoHashrate,
            NakamotoStake = d.Decided.NakamotoStake,
            SlashEvents = d.Decided.SlashEvents,
            Slashed = settled.Debited,
            MissedSlots = d.Decided.MissedSlots,
            PbftRounds = d.Decided.PbftRounds,
            ViewChanges = d.Decided.ViewChanges,
            BlockRecords = d.Decided.BlockRecords,
            RewardsByRole = settled.RewardsByRole,
            ActiveByRole = c.ActiveByRole,
            PopulationByRole = [.. Roles.All.Select(role => Population(role, c.Behaviour))],
            ModelAccuracy = d.Learned?.Model.Accuracy ?? double.NaN,
            ModelLoss = d.Learned?.Model.Loss ?? double.NaN,
            UpdateAccepted = d.Learned?.UpdateAccepted,
            TrainerUpdates = d.Learned?.Updates ?? 0,
            Economy = economy,
            Behaviour = BehaviourMetrics.Of(c.Behaviour, settled.Behaviour, d.Learned?.PayTracking ?? double.NaN,
                d.Learned?.ProviderPayTracking ?? double.NaN),
            Yuma = p.Yuma?.Metrics,
            YumaAdversaries = p.Yuma?.Adversaries,
            Network = d.Decided.Network,
        };
        StartSettling(row, identity, settled.BalanceRuns ?? throw new InvalidOperationException($"epoch {d.Epoch}: the shards sent no balances"));
    }

    /// <summary>
    /// The population a role's mean reward is over: all its agents, active or not; for a responding role the agents present after the
    /// epoch's decisions, since its segment also hosts latent agents that have not entered (or have left).
    /// </summary>
    private int Population(Role role, BehaviourReport? drawn) =>
        drawn is not null && model.BehaviourActions[(int)role] is not null ? drawn.ByRole[(int)role].Present : model.Layout.CountOf(role);

    /// <summary>An on-chain record of an epoch's contributions: SHA-256d of (epoch, two exact sums).</summary>
    private static Hash256 Digest(int epoch, Int128 a, Int128 b)
    {
        Span<byte> bytes = stackalloc byte[36];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, epoch);
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(bytes[4..], a);
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(bytes[20..], b);
        return Sha256d.Hash(bytes);
    }
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The run's epoch barrier, shared by both engines: fan out to the shards, await all, aggregate in
/// id order, apply consensus and the reward rules, check the ledger. Simulated time advances only
/// here, one epoch per step; nothing depends on wall-clock time or on which shard answers first.
/// Epoch e costs two fan-outs: Advance (settle e−1, contribute e) and Score (R_i for e); the last
/// epoch is settled by a final Advance with nothing to contribute.
/// </summary>
public sealed class EpochLoop(EconomyModel model, IShardGateway shards, IConsensus consensus)
{
    private readonly Scenario _scenario = model.Scenario;
    private SupplyLedger? _ledger;
    private Pending? _pending;
    private int _nextEpoch;
    private double _lastBlockTime;
    private RewardWeights _weights = model.InitialWeights;

    public int EpochsTotal => _scenario.Run.Epochs;
    public int EpochsCompleted { get; private set; }
    public bool IsComplete => EpochsCompleted >= EpochsTotal;

    /// <summary>Epoch e's results between its contribution and its settlement.</summary>
    private sealed record Pending(int Epoch, SettleOrder Settle, ContributionReport Contribution, ConsensusOutcome Consensus,
        ScoreReport? Score, long SupplyAtStart, long MintedAtStart, long BurnedAtStart, long Pool, long FeesBurned,
        double MeanQuality, RewardWeights Weights, double PreviousBlockTime);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (_ledger is not null) return;
        _ledger = new SupplyLedger(await shards.InitializeAsync(ct));
    }

    /// <summary>Runs until <paramref name="maxEpochs"/> more epochs are complete or the run ends; returns their metrics in order.</summary>
    public async Task<IReadOnlyList<EpochMetrics>> AdvanceAsync(int maxEpochs, CancellationToken ct = default)
    {
        await InitializeAsync(ct);
        var done = new List<EpochMetrics>();
        while (done.Count < maxEpochs && !IsComplete)
        {
            ct.ThrowIfCancellationRequested();
            var contributeEpoch = _nextEpoch < EpochsTotal ? _nextEpoch : (int?)null;
            var merged = MergedAdvance.Merge(await shards.AdvanceAsync(new AdvanceOrder(_pending?.Settle, contributeEpoch), ct));
            if (_pending is not null)
            {
                done.Add(Complete(_pending, merged));
                _pending = null;
            }
            if (contributeEpoch is { } e)
            {
                _pending = await ContributeAsync(e, merged.Contribution!, ct);
                _nextEpoch++;
            }
        }
        return done;
    }

    private async Task<Pending> ContributeAsync(int epoch, ContributionReport c, CancellationToken ct)
    {
        var ledger = _ledger!;
        var (supply, minted, burned) = (ledger.Supply, ledger.Minted, ledger.Burned);
        var feesBurned = (long)Math.Floor(c.FeesPaid * _scenario.Token.FeeBurnFraction);
        ledger.ReceiveFees(c.FeesPaid, feesBurned);

        var epochLength = _scenario.Run.EpochLength;
        var outcome = consensus.RunEpoch(new ConsensusInput(epoch, epoch * epochLength, (epoch + 1) * epochLength,
            c.MinerIds, c.MinerHashrates, c.ValidatorIds, c.ValidatorStakes, c.ValidVotes,
            model.Layout.CountOf(Role.Validator),
            Emission.Halved(model.BlockRewardUnits, epoch, _scenario.Token.HalvingInterval),
            Emission.Halved(model.ProposerRewardUnits, epoch, _scenario.Token.HalvingInterval)), model.RunSeed);

        var activeProviders = c.ActiveByRole[(int)Role.DataProvider];
        var meanQuality = activeProviders == 0 ? 0 : new ExactSum(c.QualitySum).Value / activeProviders;
        ScoreReport? score = null;
        long pool = 0;
        Int128 scoreTotal = 0;
        if (outcome.Accepted)
        {
            score = ScoreReport.Merge(await shards.ScoreAsync(new ScoreOrder(epoch, meanQuality, _weights), ct));
            foreach (var s in score.ScoreByRole) scoreTotal += s;
            if (_scenario.Rewards.Mode == RewardMode.Pool && scoreTotal > 0)
            {
                ledger.MintToTreasury(Emission.Halved(model.EmissionUnits, epoch, _scenario.Token.HalvingInterval));
                pool = ledger.Treasury;
            }
        }
        var settle = new SettleOrder(epoch, outcome.Accepted, _scenario.Rewards.Mode, pool, scoreTotal, outcome.Credits);
        var previousBlockTime = _lastBlockTime;
        if (outcome.Blocks.Count > 0) _lastBlockTime = outcome.Blocks[^1].Time;
        return new Pending(epoch, settle, c, outcome, score, supply, minted, burned, pool, feesBurned, meanQuality, _weights, previousBlockTime);
    }

    private EpochMetrics Complete(Pending p, MergedAdvance settled)
    {
        var ledger = _ledger!;
        var poolPaid = settled.PoolPaidByRole.Sum();
        var credits = p.Settle.Credits.Sum(x => x.Units);
        if (p.Settle.Mode == RewardMode.Pool) ledger.PayFromTreasury(poolPaid);
        else ledger.MintToAgents(poolPaid);
        ledger.MintToAgents(credits);

        var balances = settled.Balances!;
        long balanceTotal = 0;
        foreach (var b in balances) balanceTotal += b;
        ledger.CheckIdentity(balanceTotal, p.Epoch);
        EpochsCompleted++;

        var blocks = p.Consensus.Blocks;
        var meanBlockTime = blocks.Count == 0 ? double.NaN : (blocks[^1].Time - p.PreviousBlockTime) / blocks.Count;
        var target = _scenario.Consensus.TargetBlockTime;
        var c = p.Contribution;
        return new EpochMetrics
        {
            Epoch = p.Epoch,
            Supply = ledger.Supply,
            Minted = ledger.Minted - p.MintedAtStart,
            Burned = ledger.Burned - p.BurnedAtStart,
            Treasury = ledger.Treasury,
            Inflation = p.SupplyAtStart == 0 ? 0 : (ledger.Minted - p.MintedAtStart) / (double)p.SupplyAtStart,
            Gini = Gini.OfInPlace(balances),
            Pool = p.Pool,
            FeesPaid = c.FeesPaid,
            FeesBurned = p.FeesBurned,
            Calls = c.Calls,
            Accepted = p.Consensus.Accepted,
            ValidVotes = c.ValidVotes,
            Quorum = Committee.Quorum(model.Layout.CountOf(Role.Validator)),
            Blocks = blocks.Count,
            MeanBlockTime = meanBlockTime,
            BlockTimeDeviation = (meanBlockTime - target) / target,
            Hashrate = p.Consensus.TotalHashrate,
            Difficulty = p.Consensus.Difficulty,
            MeanQuality = p.MeanQuality,
            Alpha = p.Weights.Alpha,
            Beta = p.Weights.Beta,
            Gamma = p.Weights.Gamma,
            ValueData = new ExactSum(c.DataValueSum).Value,
            ValueTraining = p.Score is null ? 0 : new ExactSum(p.Score.TrainingValueSum).Value,
            ValueUsage = new ExactSum(c.UsageValueSum).Value,
            RewardsByRole = settled.RewardsByRole,
            ActiveByRole = c.ActiveByRole,
            PopulationByRole = [.. Roles.All.Select(model.Layout.CountOf)],
        };
    }
}

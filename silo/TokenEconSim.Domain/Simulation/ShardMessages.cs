using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Simulation;

// What the epoch loop and the agent shards say to each other: one step order per epoch, pipelined
// three deep (docs/model.md §1.1 "The epoch pipeline"; §7.4 for why one fan-out is enough). Every
// total is an integer or an exact fixed-point sum, so neither shard size nor the order in which
// replies arrive can change a result.

/// <summary>
/// One step of a shard, each part optional and run in this order: <see cref="Settle"/> pays an epoch;
/// <see cref="ChargeFeesEpoch"/> charges the service calls drawn for that epoch, capped at each
/// balance after the settlement before it; <see cref="Score"/> computes R_i; <see cref="ContributeEpoch"/>
/// draws the next epoch's contributions (no draw depends on a balance, so drawing early changes nothing).
/// </summary>
public sealed record StepOrder(SettleOrder? Settle, int? ChargeFeesEpoch, ScoreOrder? Score, int? ContributeEpoch)
{
    /// <summary>Federated learning's inputs to the draw (learning.kind: federated), else null.</summary>
    public LearningOrder? Learning { get; init; }

    public const double NoMarketTokenPrice = 1.0;

    /// <summary>Stable per token after the last barrier's swaps (market.enabled), else 1: what users' demand reads.</summary>
    public double TokenPrice { get; init; } = NoMarketTokenPrice;

    /// <summary>Per role, the terms the responding populations decide the drawn epoch on (docs/model.md §17.3); null when all are fixed.</summary>
    public EpochTerms[]? Behaviour { get; init; }
}

/// <summary>A shard's answer to a <see cref="StepOrder"/>: one part per part ordered.</summary>
public sealed record StepReport(SettleReport? Settled, long? FeesPaid, ScoreReport? Score, ContributionReport? Contribution);

/// <summary>Pays an epoch: pool shares (or absolute rewards) to D/T/U when accepted, plus block credits.</summary>
public sealed record SettleOrder(int Epoch, bool Accepted, RewardMode Mode, long Pool, Int128 ScoreTotal, AgentCredit[] Credits)
{
    /// <summary>Shares mode: per role, its part of the pool (base units) and its members' total score; null in the other modes.</summary>
    public long[]? RolePools { get; init; }

    /// <inheritdoc cref="RolePools"/>
    public Int128[]? RoleScoreTotals { get; init; }

    /// <summary>The pool and score total a role's members split: its own part and total in shares mode, the whole pool in pool mode.</summary>
    public (long Pool, Int128 Total) PoolOf(Role role) =>
        Mode == RewardMode.Shares ? (RolePools![(int)role], RoleScoreTotals![(int)role]) : (Pool, ScoreTotal);

    /// <summary>
    /// Yuma scoring (docs/model.md §3.6): per role, its members' incentive Q(I_j) (2⁻³² fixed point, member order), null for a role
    /// paid by R (users); null altogether with raw scoring or a rejected epoch. A role with incentives splits its part of the pool
    /// (<see cref="YumaPools"/>) by them.
    /// </summary>
    public long[]?[]? Incentives { get; init; }

    /// <summary>Yuma scoring: per role, Σ Q(I_j) over its members.</summary>
    public Int128[]? IncentiveTotals { get; init; }

    /// <summary>Yuma scoring: per role, its part P_r of the pool: shares mode's part, in pool mode ⌊P·S_r/S⌋.</summary>
    public long[]? YumaPools { get; init; }

    /// <summary>
    /// What member <paramref name="member"/> of <paramref name="role"/> (its index among the role's agents) with score
    /// <paramref name="score"/> is paid: nothing when rejected; absolute mode R_i minted; a Yuma-scored role
    /// ⌊P_r·Q(I_j)/Σ Q(I)⌋; otherwise its share of the pool it splits (<see cref="PoolOf"/>). The one rule both the settlement and the
    /// responding agents' outcomes use.
    /// </summary>
    public long Payout(Role role, int member, Int128 score)
    {
        if (!Accepted) return 0;
        if (Mode == RewardMode.Absolute) return PoolSplit.Absolute(score, Tokens.TokenUnits.PerToken);
        if (Incentives?[(int)role] is { } incentive) return PoolSplit.Share(YumaPools![(int)role], incentive[member], IncentiveTotals![(int)role]);
        var (share, total) = PoolOf(role);
        return PoolSplit.Share(share, score, total);
    }

    /// <summary>Tokens burned from agents' balances (slashing), each capped at the balance.</summary>
    public AgentCredit[] Debits { get; init; } = [];

    /// <summary>The market's and marketplace's transfers (null when both are off).</summary>
    public EconomyOrder? Economy { get; init; }
}

/// <summary>Tokens (base units) minted to one agent, e.g. a block subsidy.</summary>
public readonly record struct AgentCredit(int AgentId, long Units);

/// <summary>
/// After settling: the shard's balances in ascending order (for the Gini), and what each role
/// received. <see cref="SortedBalances"/> is one of the shard's two sort buffers, lent: the shard
/// rewrites it at its next-but-one settlement, so the receiver is done with it before it steps the
/// shard twice more (the epoch loop merges it while the next step runs; across silos it arrives as
/// a copy anyway).
/// </summary>
public sealed record SettleReport(long[] SortedBalances, long[] RewardsByRole, long[] PoolPaidByRole)
{
    /// <summary>Base units actually debited for the order's <see cref="SettleOrder.Debits"/>.</summary>
    public long Debited { get; init; }

    /// <summary>The shard's trades for the order's <see cref="SettleOrder.Economy"/>.</summary>
    public EconomyReport? Economy { get; init; }

    /// <summary>The responding populations' settled epoch (outcomes, slash, bonds); null when all are fixed.</summary>
    public BehaviourReport? Behaviour { get; init; }
}

/// <summary>One shard's contribution to an epoch, before fees and rewards.</summary>
public sealed record ContributionReport(
    int[] ActiveByRole,
    Int128 QualitySum,
    Int128 DataValueSum,
    Int128 GpuHoursSum,
    Int128 UsageValueSum,
    long Calls,
    int ValidVotes,
    int[] MinerIds,
    double[] MinerHashrates,
    int[] ValidatorIds,
    double[] ValidatorStakes)
{
    /// <summary>Batches, region counts and trainers' updates under federated learning, else null.</summary>
    public LearningReport? Learning { get; init; }

    /// <summary>The responding populations' decisions and the units they will be paid for; null when all are fixed.</summary>
    public BehaviourReport? Behaviour { get; init; }

    public static ContributionReport Merge(IReadOnlyList<ContributionReport> parts)
    {
        var active = new int[Roles.Count];
        Int128 quality = 0, data = 0, gpu = 0, usage = 0;
        long calls = 0;
        var votes = 0;
        foreach (var p in parts)
        {
            for (var r = 0; r < Roles.Count; r++) active[r] += p.ActiveByRole[r];
            quality += p.QualitySum; data += p.DataValueSum; gpu += p.GpuHoursSum; usage += p.UsageValueSum;
            calls += p.Calls; votes += p.ValidVotes;
        }
        // Parts arrive in shard order, shards are id ranges: concatenation is id order.
        return new ContributionReport(active, quality, data, gpu, usage, calls, votes,
            Concat(parts, p => p.MinerIds), Concat(parts, p => p.MinerHashrates),
            Concat(parts, p => p.ValidatorIds), Concat(parts, p => p.ValidatorStakes))
        {
            Learning = parts.Count > 0 && parts[0].Learning is not null ? LearningReport.Merge([.. parts.Select(p => p.Learning!)]) : null,
            Behaviour = parts.Count > 0 && parts[0].Behaviour is not null ? BehaviourReport.Merge([.. parts.Select(p => p.Behaviour)]) : null,
        };
    }

    private static T[] Concat<T>(IReadOnlyList<ContributionReport> parts, Func<ContributionReport, T[]> field)
    {
        var length = 0;
        foreach (var p in parts) length += field(p).Length;
        if (length == 0) return [];
        var all = new T[length];
        var offset = 0;
        foreach (var p in parts)
        {
            var items = field(p);
            items.CopyTo(all, offset);
            offset += items.Length;
        }
        return all;
    }
}

/// <summary>Compute each D/T/U agent's reward score R_i for an accepted epoch.</summary>
public sealed record ScoreOrder(int Epoch, double MeanQuality, RewardWeights Weights)
{
    /// <summary>Federated learning: whether the epoch's update was accepted and each trainer's Δacc; null for synthetic learning.</summary>
    public LearningScore? Learning { get; init; }
}

/// <summary>Σ R_i per role (2⁻³² fixed point) and Σ V_T (trainers' values need the mean quality).</summary>
public sealed record ScoreReport(Int128[] ScoreByRole, Int128 TrainingValueSum)
{
    /// <summary>
    /// Yuma scoring (docs/model.md §3.6): per role, each member's value V_j in id order, NaN for a member not evaluated (inactive or
    /// caught cheating); null for a role Yuma does not score, and null altogether with raw scoring.
    /// </summary>
    public double[]?[]? MemberValues { get; init; }

    public static ScoreReport Merge(IReadOnlyList<ScoreReport> parts)
    {
        var byRole = new Int128[Roles.Count];
        Int128 training = 0;
        foreach (var p in parts)
        {
            for (var r = 0; r < Roles.Count; r++) byRole[r] += p.ScoreByRole[r];
            training += p.TrainingValueSum;
        }
        // Parts arrive in shard order, shards are id ranges: concatenation is id order.
        var values = parts.Count > 0 && parts[0].MemberValues is not null
            ? Enumerable.Range(0, Roles.Count).Select(r => parts[0].MemberValues![r] is null ? null
                : parts.SelectMany(p => p.MemberValues![r]!).ToArray()).ToArray()
            : null;
        return new ScoreReport(byRole, training) { MemberValues = values };
    }
}

/// <summary>
/// What all shards reported on one step, merged: sums in shard (= id) order, and each shard's
/// ascending balances (lent by the shards; the epoch loop merges them for the Gini off the step's
/// critical path).
/// </summary>
public sealed record MergedStep(long[][]? BalanceRuns, long[] RewardsByRole, long[] PoolPaidByRole, long FeesPaid,
    ScoreReport? Score, ContributionReport? Contribution)
{
    public long Debited { get; init; }
    public EconomyReport? Economy { get; init; }
    public BehaviourReport? Behaviour { get; init; }

    public static MergedStep Merge(IReadOnlyList<StepReport> reports)
    {
        var rewards = new long[Roles.Count];
        var pool = new long[Roles.Count];
        long[][]? balances = null;
        long fees = 0;
        if (reports.Count > 0 && reports[0].Settled is not null)
        {
            balances = [.. reports.Select(r => r.Settled!.SortedBalances)];
            foreach (var r in reports)
                for (var k = 0; k < Roles.Count; k++) { rewards[k] += r.Settled!.RewardsByRole[k]; pool[k] += r.Settled.PoolPaidByRole[k]; }
        }
        long debited = 0;
        foreach (var r in reports)
        {
            fees += r.FeesPaid ?? 0;
            debited += r.Settled?.Debited ?? 0;
        }
        var score = reports.Count > 0 && reports[0].Score is not null ? ScoreReport.Merge([.. reports.Select(r => r.Score!)]) : null;
        var contribution = reports.Count > 0 && reports[0].Contribution is not null
            ? ContributionReport.Merge([.. reports.Select(r => r.Contribution!)])
            : null;
        var economy = reports.Count > 0 && reports[0].Settled?.Economy is not null
            ? EconomyReport.Merge([.. reports.Select(r => r.Settled!.Economy!)])
            : null;
        var behaviour = reports.Count > 0 && reports[0].Settled?.Behaviour is not null
            ? BehaviourReport.Merge([.. reports.Select(r => r.Settled!.Behaviour)])
            : null;
        return new MergedStep(balances, rewards, pool, fees, score, contribution) { Debited = debited, Economy = economy, Behaviour = behaviour };
    }
}

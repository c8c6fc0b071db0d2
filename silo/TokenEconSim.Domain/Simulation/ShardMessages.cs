using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Simulation;

// What the epoch loop and the agent shards say to each other. Each epoch has two barriers (the
// mean provider quality needs every provider; a pool share needs every score), so an epoch costs
// two fan-outs: Advance (settle the previous epoch, then contribute to this one) and Score.
// Every total is an integer or an exact fixed-point sum, so neither shard size nor the order in
// which replies arrive can change a result.

/// <summary>Settle <see cref="Settle"/> if given, then contribute to epoch <see cref="ContributeEpoch"/> if given.</summary>
public sealed record AdvanceOrder(SettleOrder? Settle, int? ContributeEpoch);

/// <summary>Pays an epoch: pool shares (or absolute rewards) to D/T/U when accepted, plus block credits.</summary>
public sealed record SettleOrder(int Epoch, bool Accepted, RewardMode Mode, long Pool, Int128 ScoreTotal, AgentCredit[] Credits);

/// <summary>Tokens (base units) minted to one agent, e.g. a block subsidy.</summary>
public readonly record struct AgentCredit(int AgentId, long Units);

public sealed record AdvanceReport(SettleReport? Settled, ContributionReport? Contribution);

/// <summary>After settling: the shard's balances in id order, and what each role received.</summary>
public sealed record SettleReport(long[] Balances, long[] RewardsByRole, long[] PoolPaidByRole);

/// <summary>One shard's contribution to an epoch, before rewards.</summary>
public sealed record ContributionReport(
    int[] ActiveByRole,
    Int128 QualitySum,
    Int128 DataValueSum,
    Int128 GpuHoursSum,
    Int128 UsageValueSum,
    long Calls,
    long FeesPaid,
    int ValidVotes,
    int[] MinerIds,
    double[] MinerHashrates,
    int[] ValidatorIds,
    double[] ValidatorStakes)
{
    public static ContributionReport Merge(IReadOnlyList<ContributionReport> parts)
    {
        var active = new int[Roles.Count];
        Int128 quality = 0, data = 0, gpu = 0, usage = 0;
        long calls = 0, fees = 0;
        var votes = 0;
        foreach (var p in parts)
        {
            for (var r = 0; r < Roles.Count; r++) active[r] += p.ActiveByRole[r];
            quality += p.QualitySum; data += p.DataValueSum; gpu += p.GpuHoursSum; usage += p.UsageValueSum;
            calls += p.Calls; fees += p.FeesPaid; votes += p.ValidVotes;
        }
        // Parts arrive in shard order, shards are id ranges: concatenation is id order.
        return new ContributionReport(active, quality, data, gpu, usage, calls, fees, votes,
            [.. parts.SelectMany(p => p.MinerIds)], [.. parts.SelectMany(p => p.MinerHashrates)],
            [.. parts.SelectMany(p => p.ValidatorIds)], [.. parts.SelectMany(p => p.ValidatorStakes)]);
    }
}

/// <summary>Compute each D/T/U agent's reward score R_i for an accepted epoch.</summary>
public sealed record ScoreOrder(int Epoch, double MeanQuality, RewardWeights Weights);

/// <summary>Σ R_i per role (2⁻³² fixed point) and Σ V_T (trainers' values need the mean quality).</summary>
public sealed record ScoreReport(Int128[] ScoreByRole, Int128 TrainingValueSum)
{
    public static ScoreReport Merge(IReadOnlyList<ScoreReport> parts)
    {
        var byRole = new Int128[Roles.Count];
        Int128 training = 0;
        foreach (var p in parts)
        {
            for (var r = 0; r < Roles.Count; r++) byRole[r] += p.ScoreByRole[r];
            training += p.TrainingValueSum;
        }
        return new ScoreReport(byRole, training);
    }
}

/// <summary>What all shards reported on one Advance, merged in shard (= id) order.</summary>
public sealed record MergedAdvance(long[]? Balances, long[] RewardsByRole, long[] PoolPaidByRole, ContributionReport? Contribution)
{
    public static MergedAdvance Merge(IReadOnlyList<AdvanceReport> reports)
    {
        var rewards = new long[Roles.Count];
        var pool = new long[Roles.Count];
        long[]? balances = null;
        if (reports.Count > 0 && reports[0].Settled is not null)
        {
            balances = new long[reports.Sum(r => r.Settled!.Balances.Length)];
            var offset = 0;
            foreach (var r in reports)
            {
                var s = r.Settled!;
                s.Balances.CopyTo(balances, offset);
                offset += s.Balances.Length;
                for (var k = 0; k < Roles.Count; k++) { rewards[k] += s.RewardsByRole[k]; pool[k] += s.PoolPaidByRole[k]; }
            }
        }
        var contribution = reports.Count > 0 && reports[0].Contribution is not null
            ? ContributionReport.Merge([.. reports.Select(r => r.Contribution!)])
            : null;
        return new MergedAdvance(balances, rewards, pool, contribution);
    }
}

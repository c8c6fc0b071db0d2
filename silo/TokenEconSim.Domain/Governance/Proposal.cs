using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Governance;

public enum ProposalKind { Scheduled, Adaptive }

/// <summary>A proposal to set (α, β, γ), voted at <see cref="Epoch"/>; <see cref="Support"/> is each voter's chance of a yes.</summary>
public sealed record Proposal(int Id, int Epoch, ProposalKind Kind, RewardWeights Weights, double Support)
{
    /// <summary>Throws unless the weights lie on the simplex: the DAO never holds a proposal it could not apply.</summary>
    public Proposal Checked()
    {
        if (!Simplex.Contains(Weights))
            throw new ArgumentException($"proposal {Id}: alpha + beta + gamma must be 1 with each ≥ 0, got {Weights}");
        return this;
    }
}

/// <summary>The outcome of one proposal's vote, one row of governance.csv. Stakes are in stake units.</summary>
public sealed record ProposalRecord(int Id, int Epoch, ProposalKind Kind, double Alpha, double Beta, double Gamma,
    double YesStake, double NoStake, double AbstainStake, bool QuorumMet, bool Passed, int EffectiveEpoch);

/// <summary>The simplex α + β + γ = 1, each ≥ 0 (docs/model.md §3.1), within a tolerance for decimal input.</summary>
public static class Simplex
{
    public const double Tolerance = 1e-9;

    public static bool Contains(RewardWeights w) =>
        w.Alpha >= 0 && w.Beta >= 0 && w.Gamma >= 0 && Math.Abs(w.Alpha + w.Beta + w.Gamma - 1) <= Tolerance;

    /// <summary>
    /// Moves <paramref name="step"/> of weight to role <paramref name="to"/> (0 = α, 1 = β, 2 = γ),
    /// taken from the other two in proportion to their weights, so none goes below 0 and the sum stays 1.
    /// The step is capped at what the others hold.
    /// </summary>
    public static RewardWeights Shift(RewardWeights w, int to, double step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        double[] x = [w.Alpha, w.Beta, w.Gamma];
        var others = 1 - x[to];
        var moved = Math.Min(step, Math.Max(0, others));
        if (moved <= 0) return w;
        var othersSum = 0.0;
        for (var k = 0; k < 3; k++) if (k != to) othersSum += x[k];
        for (var k = 0; k < 3; k++)
            x[k] = k == to ? x[k] + moved : Math.Max(0, x[k] - moved * x[k] / othersSum);
        // The last of the three absorbs the rounding, so the sum is 1 to the last bit it can be.
        var last = to == 2 ? 1 : 2;
        x[last] = Math.Max(0, 1 - x[(last + 1) % 3] - x[(last + 2) % 3]);
        return new RewardWeights(x[0], x[1], x[2]);
    }
}

using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>A validator as Yuma sees it: its stake, and its evaluation's bias and noise (<see cref="ValidatorEvaluation"/>).</summary>
public sealed record YumaValidator(double Stake, double Bias, double Noise);

/// <summary>
/// One role's Yuma epoch in the economy (docs/model.md §3.6, in the economy): every validator evaluates
/// the role's members, sets u16 weights, and <see cref="YumaEpoch"/> turns them into incentive; the
/// role's part of the pool is then split by incentive instead of by value. Providers and trainers are
/// two such epochs with their own bonds, as a subtensor subnet runs one epoch per mechanism.
/// </summary>
public static class YumaRoleEpoch
{
    /// <param name="validators">In agent-id order; a validator that did not take part has stake 0.</param>
    /// <param name="values">The role's members' true values V_j, in agent-id order; NaN for a member that is not evaluated.</param>
    /// <param name="bonds">This role's bonds from the last epoch (validators × members).</param>
    /// <param name="parameters">The Yuma parameters.</param>
    /// <param name="streamOf">Validator k's random stream for this epoch (seeded by the caller from run seed, epoch and k).</param>
    public static YumaResult Run(
        IReadOnlyList<YumaValidator> validators, double[] values, double[][] bonds, YumaParameters parameters, Func<int, Random> streamOf) =>
        YumaEpoch.Run([.. validators.Select(v => v.Stake)], Weights(validators, values, streamOf), bonds, parameters, values.Length);

    /// <summary>
    /// Every validator's u16 weights on the role's members (validators × members): its <see cref="Scores"/> as subtensor stores them
    /// (<see cref="ValidatorWeights"/>).
    /// </summary>
    public static ushort[][] Weights(IReadOnlyList<YumaValidator> validators, double[] values, Func<int, Random> streamOf) =>
        [.. Scores(validators, values, streamOf).Select(row => ValidatorWeights.FromScores(row))];

    /// <summary>
    /// Every validator's scores of the role's members (validators × members, <see cref="ValidatorEvaluation"/> with V̄ the evaluated
    /// members' mean). A member whose value is NaN (it did not take part, or was caught cheating) is not evaluated: it scores 0 in
    /// every row, so it weighs 0 and its bonds decay.
    /// </summary>
    public static double[][] Scores(IReadOnlyList<YumaValidator> validators, double[] values, Func<int, Random> streamOf)
    {
        var evaluated = Enumerable.Range(0, values.Length).Where(j => !double.IsNaN(values[j])).ToArray();
        var seen = evaluated.Select(j => values[j]).ToArray();
        return [.. validators.Select((v, k) =>
        {
            var row = new double[values.Length];
            var scores = ValidatorEvaluation.Scores(seen, v.Bias, v.Noise, streamOf(k));
            for (var e = 0; e < evaluated.Length; e++) row[evaluated[e]] = scores[e];
            return row;
        })];
    }

    /// <summary>
    /// Member j's payout from the role's part P_r: ⌊P_r·Q(I_j) / Σ Q(I)⌋ with I in 2⁻³² fixed point and
    /// exact integer arithmetic, as pool mode splits by Q(R) (§3.2), so the payouts never exceed P_r.
    /// </summary>
    public static long[] Payouts(long rolePool, double[] incentive)
    {
        var quantised = Quantised(incentive);
        var total = quantised.Aggregate(Int128.Zero, (sum, q) => sum + q);
        return [.. quantised.Select(q => PoolSplit.Share(rolePool, q, total))];
    }

    /// <summary>Q(I_j), the incentive in 2⁻³² fixed point (§7.3); at most 2³², as I_j ≤ 1.</summary>
    public static long[] Quantised(double[] incentive) => [.. incentive.Select(i => (long)ExactSum.Quantize(Math.Max(0, i)))];
}

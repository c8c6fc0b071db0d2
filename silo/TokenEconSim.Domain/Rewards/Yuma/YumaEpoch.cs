namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// One Yuma 3 epoch as a pure function (docs/model.md §3.6): stakes, weights and last epoch's bonds in;
/// consensus, trust, incentive, new bonds, dividends and the emission split out.
/// </summary>
/// <remarks>
/// Source: opentensor/subtensor, pallets/subtensor/src/epoch/run_epoch.rs, <c>epoch_dense_mechanism</c>
/// with <c>Yuma3On</c> set, its helpers <c>compute_bonds</c> (math.rs <c>mat_ema_alpha</c>,
/// <c>mat_ema</c>) and math.rs's vector and matrix functions. Subtensor computes in I32F32/I64F64 fixed
/// point; this computes in doubles, which agrees with it to ~1e-9 per step, well inside the 1e-3 its
/// own Yuma 3 tests assert. Where fixed point shows in the results it is kept: weights arrive as u16,
/// and bonds are stored rounded down to the u16 grid between epochs, as subtensor stores them.
/// What subtensor decides before the maths (validator permits, activity cutoff, deregistered uids,
/// recently registered bond columns) is the caller's: give a uid zero stake to keep it from voting.
/// </remarks>
public static class YumaEpoch
{
    /// <summary>Subtensor's shape: n uids that both validate and serve; self-weight (the diagonal) is masked.</summary>
    /// <param name="stakes">Each uid's stake (any scale, not negative); zero for uids that do not validate.</param>
    /// <param name="weights">An n×n matrix: row i is validator i's u16 weights on every uid.</param>
    /// <param name="bonds">Last epoch's <see cref="YumaResult.Bonds"/> (n×n, zeros at the start).</param>
    /// <param name="parameters">κ, the bonds penalty and the EMA settings.</param>
    public static YumaResult Run(double[] stakes, ushort[][] weights, double[][] bonds, YumaParameters parameters)
    {
        RequireShape(weights, stakes.Length, stakes.Length, nameof(weights));
        // inplace_mask_diag: a uid's weight on itself does not count.
        var masked = weights.Select((row, i) => row.Select((x, j) => i == j ? (ushort)0 : x).ToArray()).ToArray();
        return Run(stakes, masked, bonds, parameters, stakes.Length);
    }

    /// <summary>
    /// Validators and contributors as separate sets (v rows, m columns), the shape the economy has:
    /// no uid is both, so there is no diagonal to mask. One such epoch is what subtensor runs per
    /// mechanism of a subnet (run_epoch.rs <c>epoch_mechanism</c>: own weights and bonds, shared stake).
    /// </summary>
    /// <param name="stakes">Each validator's stake (v entries, any scale, not negative).</param>
    /// <param name="weights">v×m: row i is validator i's u16 weights on the m contributors.</param>
    /// <param name="bonds">Last epoch's bonds, v×m (zeros at the start).</param>
    /// <param name="parameters">κ, the bonds penalty and the EMA settings.</param>
    /// <param name="contributors">m, the number of columns (given so that an epoch with no validators still has a shape).</param>
    public static YumaResult Run(double[] stakes, ushort[][] weights, double[][] bonds, YumaParameters parameters, int contributors)
    {
        var p = parameters.Checked();
        RequireShape(weights, stakes.Length, contributors, nameof(weights));
        RequireShape(bonds, stakes.Length, contributors, nameof(bonds));

        var s = Normalised(stakes.Select(x => Math.Max(0, x)).ToArray());
        var w = ValidatorRows(weights, s);
        var consensus = StakeWeightedMedian.Columns(s, w, p.Kappa, contributors);
        var clipped = w.Select(row => row.Select((x, j) => Math.Min(x, consensus[j])).ToArray()).ToArray();
        var ranks = StakeWeightedSums(clipped, s, contributors);
        var incentive = Normalised(ranks);
        var weightsForBonds = Interpolate(w, clipped, p.BondsPenalty);
        var newBonds = Ema(weightsForBonds, bonds, consensus, p);
        var dividends = Dividends(newBonds, incentive, s);
        var (server, validator) = EmissionSplit(incentive, dividends, s);
        return new YumaResult(consensus, [.. clipped.Select(row => row.Sum())], ranks,
            Trust(ranks, StakeWeightedSums(w, s, contributors)), incentive, dividends,
            [.. newBonds.Select(row => row.Select(ToU16Grid).ToArray())], server, validator);
    }

    /// <summary>
    /// Weights as fractions: rows of validators without stake masked (<c>inplace_mask_rows</c> on
    /// validator forbids), each row normalised to sum 1 (<c>inplace_row_normalize</c>).
    /// </summary>
    private static double[][] ValidatorRows(ushort[][] weights, double[] s) =>
        [.. weights.Select((row, i) => Normalised([.. row.Select(x => s[i] > 0 ? (double)x : 0)]))];

    /// <summary>Σ_i s_i·M_ij for each column j (math.rs <c>matmul</c>): ranks from clipped weights, pre-ranks from raw.</summary>
    private static double[] StakeWeightedSums(double[][] m, double[] s, int columns)
    {
        var sums = new double[columns];
        for (var i = 0; i < m.Length; i++)
            for (var j = 0; j < sums.Length; j++) sums[j] += s[i] * m[i][j];
        return sums;
    }

    /// <summary>
    /// Server trust R_j / P_j. Current subtensor no longer stores it; earlier run_epoch.rs computed it as
    /// <c>vecdiv(ranks, preranks)</c>, and it shows how much of a contributor's support clipping removed.
    /// </summary>
    private static double[] Trust(double[] ranks, double[] preranks) =>
        [.. ranks.Select((r, j) => preranks[j] > 0 ? r / preranks[j] : 0)];

    /// <summary>(1 − β_p)·W + β_p·W̄ (math.rs <c>interpolate</c>, ratio = bonds penalty).</summary>
    private static double[][] Interpolate(double[][] raw, double[][] clipped, double ratio) =>
        [.. raw.Select((row, i) => row.Select((x, j) => x + ratio * (clipped[i][j] - x)).ToArray())];

    /// <summary>
    /// The bond EMA (run_epoch.rs <c>compute_bonds</c>). With liquid alpha on and some consensus above
    /// zero, each bond has its own α (<see cref="LiquidAlpha"/>) and B' = min(1, (1 − α)·B + max(0, α·W))
    /// (math.rs <c>mat_ema_alpha</c>); otherwise one α = 1 − moving average and B' = α·W + (1 − α)·B
    /// (<c>mat_ema</c>, <c>compute_disabled_liquid_alpha</c>).
    /// </summary>
    private static double[][] Ema(double[][] w, double[][] b, double[] consensus, YumaParameters p)
    {
        var liquid = p.LiquidAlpha && consensus.Any(c => c != 0);
        var fixedAlpha = 1 - p.BondsMovingAverage;
        return [.. w.Select((row, i) => row.Select((x, j) =>
        {
            if (!liquid) return fixedAlpha * x + (1 - fixedAlpha) * b[i][j];
            var a = LiquidAlpha.Of(consensus[j], x, b[i][j], p);
            return Math.Min(1, (1 - a) * b[i][j] + Math.Max(0, a * x));
        }).ToArray())];
    }

    /// <summary>
    /// Yuma 3 dividends: bonds normalised per column (<c>inplace_col_normalize</c>), each validator's
    /// Σ_j B̂_ij·I_j times its stake, normalised: D_i ∝ s_i·Σ_j B̂_ij·I_j.
    /// </summary>
    private static double[] Dividends(double[][] bonds, double[] incentive, double[] s)
    {
        var columnSums = new double[incentive.Length];
        foreach (var row in bonds)
            for (var j = 0; j < row.Length; j++) columnSums[j] += row[j];
        var d = new double[s.Length];
        for (var i = 0; i < bonds.Length; i++)
        {
            var held = 0.0;
            for (var j = 0; j < incentive.Length; j++)
                if (columnSums[j] > 0) held += bonds[i][j] / columnSums[j] * incentive[j];
            d[i] = held * s[i];
        }
        return Normalised(d);
    }

    /// <summary>
    /// Incentive and dividends normalised on their joint sum (<c>inplace_normalize_using_sum</c>); when both
    /// are zero (no weights), validators get the epoch by stake, as upstream.
    /// </summary>
    private static (double[] Server, double[] Validator) EmissionSplit(double[] incentive, double[] dividends, double[] s)
    {
        var sum = incentive.Sum() + dividends.Sum();
        if (sum == 0) return (new double[incentive.Length], (double[])s.Clone());
        return ([.. incentive.Select(x => x / sum)], [.. dividends.Select(x => x / sum)]);
    }

    /// <summary>Sums to 1, or left as is when the sum is 0 (math.rs <c>inplace_normalize</c>).</summary>
    internal static double[] Normalised(double[] x)
    {
        var sum = x.Sum();
        return sum == 0 ? x : [.. x.Select(v => v / sum)];
    }

    /// <summary>
    /// Subtensor stores a bond as ⌊B·65 535⌋ (math.rs <c>fixed_proportion_to_u16</c>) and reads it back
    /// divided by 65 535 (<c>get_bonds_fixed_proportion</c>). The 1e-9 absorbs double rounding below the
    /// fixed point's own resolution (2⁻³²), so 1 − ε stays 65 535 rather than dropping a step.
    /// </summary>
    internal static double ToU16Grid(double bond) =>
        Math.Floor(Math.Clamp(bond, 0, 1) * YumaParameters.U16Max + 1e-9) / YumaParameters.U16Max;

    private static void RequireShape<T>(T[][] matrix, int rows, int columns, string name)
    {
        if (matrix.Length != rows || matrix.Any(row => row.Length != columns))
            throw new ArgumentException($"{name} must be {rows}×{columns}: a row per validator, a column per uid it weighs", name);
    }
}

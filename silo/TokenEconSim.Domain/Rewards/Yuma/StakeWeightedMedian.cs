namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// Yuma's consensus weight for one column: the largest score x that validators holding at least κ of
/// the stake meet or exceed, C = max{x : Σ_{i: wᵢ ≥ x} sᵢ ≥ κ} (docs/model.md §3.6).
/// </summary>
/// <remarks>
/// Source: opentensor/subtensor, pallets/subtensor/src/epoch/math.rs, <c>weighted_median_col</c> and
/// <c>weighted_median</c>. Subtensor finds the value by a mid-pivot partition search over I32F32 stake
/// with minority = 1 − κ, returning the pivot x where (stake below x) ≤ 1 − κ &lt; (stake below and at x);
/// that x is the one above, so this sorts the column once instead (n is small here: a few dozen
/// validators) and reads the answer off the cumulative stake from the top. Only validators with
/// positive stake vote, and their stake is renormalised to sum to 1, as upstream.
/// </remarks>
public static class StakeWeightedMedian
{
    /// <summary>The κ-consensus of <paramref name="scores"/> under <paramref name="stakes"/>; 0 when no one has stake.</summary>
    public static double Of(ReadOnlySpan<double> stakes, ReadOnlySpan<double> scores, double kappa)
    {
        if (stakes.Length != scores.Length) throw new ArgumentException("stakes and scores differ in length");
        var voters = new List<(double Score, double Stake)>();
        var total = 0.0;
        for (var i = 0; i < stakes.Length; i++)
        {
            if (!(stakes[i] > 0)) continue;
            voters.Add((scores[i], stakes[i]));
            total += stakes[i];
        }
        if (voters.Count == 0) return 0;
        // Descending by score; a stable order keeps the sum's rounding a function of the input alone.
        var ordered = voters.OrderByDescending(v => v.Score).ToList();
        var backing = 0.0;
        for (var k = 0; k < ordered.Count; k++)
        {
            backing += ordered[k].Stake / total;
            var lastOfItsScore = k + 1 == ordered.Count || ordered[k + 1].Score != ordered[k].Score;
            if (lastOfItsScore && backing >= kappa) return ordered[k].Score;
        }
        return ordered[^1].Score; // rounding left Σ just under κ ≤ 1: everyone backs the lowest score
    }

    /// <summary>Column by column: C_j for the matrix <paramref name="weights"/> (rows are validators).</summary>
    public static double[] Columns(double[] stakes, double[][] weights, double kappa, int columns)
    {
        var consensus = new double[columns];
        var column = new double[weights.Length];
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < weights.Length; i++) column[i] = weights[i][j];
            consensus[j] = Of(stakes, column, kappa);
        }
        return consensus;
    }
}

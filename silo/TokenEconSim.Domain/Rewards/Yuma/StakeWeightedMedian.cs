using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// Yuma's consensus weight for one column: the largest score x that validators holding at least κ of
/// the stake meet or exceed, C = max{x : Σ_{i: wᵢ ≥ x} sᵢ ≥ κ} (docs/model.md §3.6).
/// </summary>
/// <remarks>
/// Source: opentensor/subtensor, pallets/subtensor/src/epoch/math.rs, <c>weighted_median_col</c> and
/// <c>weighted_median</c>. Subtensor finds the value by a mid-pivot partition search over I32F32 stake
/// with minority = 1 − κ, returning the pivot x where (stake below x) ≤ 1 − κ &lt; (stake below and at x);
/// that x is the one above, so this sorts the column instead (a few dozen validators: sorting costs
/// little) and reads the answer off the cumulative stake from the top. Only validators with
/// positive stake vote, and their stake is renormalised to sum to 1, as upstream.
/// </remarks>
public static class StakeWeightedMedian
{
    /// <summary>The κ-consensus of <paramref name="scores"/> under <paramref name="stakes"/>; 0 when no one has stake.</summary>
    public static double Of(ReadOnlySpan<double> stakes, ReadOnlySpan<double> scores, double kappa)
    {
        if (stakes.Length != scores.Length) throw new ArgumentException("stakes and scores differ in length");
        var voters = Voters(stakes);
        var column = new double[voters.Length];
        for (var k = 0; k < voters.Length; k++) column[k] = scores[voters[k]];
        return OfVoters(Shares(stakes, voters), column, new long[voters.Length], kappa);
    }

    /// <summary>Column by column: C_j for the matrix <paramref name="weights"/> (rows are validators).</summary>
    public static double[] Columns(double[] stakes, double[][] weights, double kappa, int columns)
    {
        var voters = Voters(stakes);
        var shares = Shares(stakes, voters);
        var (column, order) = (new double[voters.Length], new long[voters.Length]);
        var consensus = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            for (var k = 0; k < voters.Length; k++) column[k] = weights[voters[k]][j];
            consensus[j] = OfVoters(shares, column, order, kappa);
        }
        return consensus;
    }

    /// <summary>
    /// Sorts the column ascending (carrying each voter's stake share along) and walks it from the top:
    /// the first score at which the backing stake reaches κ, counting ties together. Shares and κ are
    /// integers in 2⁻³² units (I32F32's resolution, as upstream compares them), so the sum is exact and
    /// the order <see cref="Array.Sort(Array, Array)"/> leaves equal scores in cannot change it.
    /// </summary>
    private static double OfVoters(long[] shares, double[] column, long[] shareOrder, double kappa)
    {
        if (column.Length == 0) return 0;
        shares.CopyTo(shareOrder, 0);
        Array.Sort(column, shareOrder);
        var threshold = (long)ExactSum.Quantize(kappa);
        long backing = 0;
        for (var k = column.Length - 1; k >= 0; k--)
        {
            backing += shareOrder[k];
            var lastOfItsScore = k == 0 || column[k - 1] != column[k];
            if (lastOfItsScore && backing >= threshold) return column[k];
        }
        return column[0]; // rounding left Σ just under κ ≤ 1: everyone backs the lowest score
    }

    /// <summary>The validators that vote: positive stake, in index order.</summary>
    private static int[] Voters(ReadOnlySpan<double> stakes)
    {
        var voters = new List<int>();
        for (var i = 0; i < stakes.Length; i++)
            if (stakes[i] > 0) voters.Add(i);
        return [.. voters];
    }

    /// <summary>The voters' stake renormalised to sum 1 among them, as <c>weighted_median_col</c> does, in 2⁻³² units.</summary>
    private static long[] Shares(ReadOnlySpan<double> stakes, int[] voters)
    {
        var total = 0.0;
        foreach (var i in voters) total += stakes[i];
        var shares = new long[voters.Length];
        for (var k = 0; k < voters.Length; k++) shares[k] = (long)ExactSum.Quantize(stakes[voters[k]] / total);
        return shares;
    }
}

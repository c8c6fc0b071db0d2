using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// summary.json's "mining" part (docs/model.md §19.6), present only with network.topology: the run's stale blocks and stale rate, its
/// deepest fork, the attacking pool's final revenue share against its mean hashrate share, and the double spends. A value a run does
/// not define (no attacker, no attempt) is null. Read from the rows' columns, so rows that crossed the wire or a resume give the same.
/// </summary>
public sealed record MiningSummary(
    long StaleBlocks,
    double? StaleRate,
    int MaxForkDepth,
    double? AttackerHashrateShare,
    double? AttackerRevenueShare,
    long DoubleSpendAttempts,
    long DoubleSpendSuccesses,
    double? DoubleSpendSuccessRate)
{
    public static MiningSummary Of(IReadOnlyList<EpochMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long stale = 0, main = 0, attempts = 0, successes = 0;
        var depth = 0;
        double? revenue = null;
        foreach (var row in rows)
        {
            stale += row[NetworkColumns.StaleBlocks];
            main += row.Blocks;
            depth = Math.Max(depth, row[NetworkColumns.MaxForkDepth]);
            attempts += row[DoubleSpendColumns.Attempts];
            successes += row[DoubleSpendColumns.Successes];
            if (double.IsFinite(row[NetworkAttackerColumns.RevenueShare])) revenue = row[NetworkAttackerColumns.RevenueShare];
        }
        return new MiningSummary(stale, stale + main == 0 ? null : (double)stale / (stale + main), depth,
            RunSummary.Mean(rows.Select(r => r[NetworkAttackerColumns.HashrateShare])), revenue, attempts, successes,
            attempts == 0 ? null : (double)successes / attempts);
    }
}

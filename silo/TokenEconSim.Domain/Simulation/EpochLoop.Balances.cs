using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

// The balance side of completing an epoch, off the step's critical path: merging the shards' sorted
// runs and the Gini over them cost the barrier O(N) on one core (~70 µs at N = 10 000, ~10 ms at
// 10⁶) while the other core idled. The loop now hands them to a worker as soon as the step returns
// and finishes the epoch's row (Gini, ledger identity against the balance total) after the next
// step returns. The row is the same: the identity is checked against the ledger as it stood when
// the epoch completed, and the runs are the shards' buffers, which they rewrite only two steps later.
// (The epoch pipeline this sits in: docs/model.md §1.1.)
public sealed partial class EpochLoop
{
    // Below this many balances the hand-over costs more than the work; summarise on the spot.
    private const int SummariseAsideFrom = 5_000;
    private readonly SortedRuns _balanceMerger = new();
    private Settling? _settling;

    /// <summary>A completed epoch's row, waiting for its balance summary.</summary>
    private sealed record Settling(EpochMetrics Row, LedgerIdentity Identity, Task<BalanceSummary> Balances);

    private readonly record struct BalanceSummary(double Gini, long Total);

    private void StartSettling(EpochMetrics row, LedgerIdentity identity, long[][] runs)
    {
        var count = 0L;
        foreach (var r in runs) count += r.Length;
        _settling = new Settling(row, identity, count < SummariseAsideFrom ? Task.FromResult(Summarise(runs)) : Task.Run(() => Summarise(runs)));
    }

    private BalanceSummary Summarise(long[][] runs)
    {
        var gini = Gini.OfSorted(_balanceMerger.Merge(runs).Span, out var total);
        return new BalanceSummary(gini, (long)total); // the ledger counts in long; a wrapped total fails the identity check
    }

    /// <summary>Finishes the epoch whose balances are being summarised: its ledger identity checked, its Gini filled in.</summary>
    private async Task FinishSettlingAsync(List<EpochMetrics> done)
    {
        if (_settling is not { } s) return;
        _settling = null;
        var summary = await s.Balances;
        try
        {
            s.Identity.Check(summary.Total, s.Row.Epoch);
        }
        catch (LedgerIdentityException)
        {
            EpochsCompleted--; // counted when the epoch completed on the ledger; with its identity broken it did not
            throw;
        }
        done.Add(s.Row with { Gini = summary.Gini });
    }
}

using Microsoft.AspNetCore.Http;
using TokenEconSim.Dashboard.Api;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>
/// What the dashboard may start: a run whose estimated memory (RunFootprint on the launcher, plus the
/// rows the dashboard keeps for its viewers) exceeds the budget is refused outright (422); one that
/// would take the runs in progress past the budget, or past the cap on runs at once, is refused
/// for now (429, to retry once a run has ended) rather than queued: a queued run would hold the
/// request open for as long as another run lasts, and the page shows the refusal's reason.
/// </summary>
public sealed class RunAdmission(long budgetBytes, int maxRuns)
{
    private readonly Lock _gate = new();
    private long _reserved;
    private int _running;

    public long BudgetBytes => budgetBytes;
    public int MaxRuns => maxRuns;

    /// <summary>Bytes a run needs here: the run's own footprint on the launcher and the live rows kept for the run page.</summary>
    public static long Estimate(IRunLauncher launcher, Scenario scenario) =>
        launcher.EstimateBytes(scenario) + (long)scenario.Run.Epochs * MetricTable.RowBytes;

    /// <summary>
    /// Reserves the run's share, or throws the refusal naming the limit and the estimate; dispose the reservation when the run ends.
    /// </summary>
    public IDisposable Admit(long estimate)
    {
        if (estimate > budgetBytes)
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity,
                $"this run needs an estimated {RunFootprint.Format(estimate)} of memory, more than this server's budget for runs, "
                    + $"{RunFootprint.Format(budgetBytes)} (silo serve --memory-budget); use fewer agents or epochs");
        lock (_gate)
        {
            if (_running >= maxRuns)
                throw new ApiProblem(StatusCodes.Status429TooManyRequests,
                    $"{_running} runs are in progress, the most this server runs at once (silo serve --max-runs {maxRuns}); start this one when a "
                        + "run has ended");
            if (_reserved + estimate > budgetBytes)
                throw new ApiProblem(StatusCodes.Status429TooManyRequests,
                    $"this run needs an estimated {RunFootprint.Format(estimate)} of memory and the runs in progress hold "
                        + $"{RunFootprint.Format(_reserved)} of the {RunFootprint.Format(budgetBytes)} budget (silo serve --memory-budget); start "
                        + "it when a run has ended");
            _reserved += estimate;
            _running++;
        }
        return new Reservation(this, estimate);
    }

    private void Release(long estimate)
    {
        lock (_gate)
        {
            _reserved -= estimate;
            _running--;
        }
    }

    private sealed class Reservation(RunAdmission owner, long estimate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(estimate);
        }
    }
}

using System.Diagnostics;
using Spectre.Console;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// A progress bar over a sweep's runs with an ETA (Spectre.Console); plain lines every few seconds
/// when there is no terminal to redraw (CI, a pipe), as <see cref="Hosting.Runs.RunExecutor"/> does for epochs.
/// The rate and ETA count only the runs done by this start, not those a resumed sweep skipped.
/// </summary>
public static class SweepProgress
{
    /// <param name="work">Gets an action to call once per finished run.</param>
    public static async Task RunAsync(bool show, string name, int total, int alreadyDone, Func<Action, Task> work)
    {
        var clock = Stopwatch.StartNew();
        var done = alreadyDone;
        string Status()
        {
            var ran = done - alreadyDone;
            var perMinute = ran / Math.Max(clock.Elapsed.TotalMinutes, 1e-9);
            var eta = ran == 0 ? "" : $", ETA {TimeSpan.FromMinutes((total - done) / perMinute):hh\\:mm\\:ss}";
            return $"{name}: {done}/{total} runs ({perMinute:F1} runs/min{eta})";
        }
        if (!show)
        {
            await work(() => Interlocked.Increment(ref done));
            return;
        }
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastPrint = TimeSpan.Zero;
            await work(() =>
            {
                done++;
                if (done < total && clock.Elapsed - lastPrint < TimeSpan.FromSeconds(3)) return;
                lastPrint = clock.Elapsed;
                Console.WriteLine(Status());
            });
            return;
        }
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(name), maxValue: total);
                task.Value = alreadyDone;
                await work(() =>
                {
                    done++;
                    task.Increment(1);
                    task.Description = Markup.Escape(Status());
                });
            });
    }
}

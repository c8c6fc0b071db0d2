using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// A run that fails (not cancelled) after a checkpoint keeps its hidden folder, says how to resume
/// it, and `silo resume` then finishes it with the bytes of the run that never failed. Before the
/// first checkpoint there is nothing to keep and the folder goes, as before.
/// </summary>
public sealed class RunFailureTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AFailureAfterACheckpointKeepsTheFolderAndResumeFinishesItByteForByte()
    {
        var uninterrupted = await RunAsync(_dir.Sub("clean"), failAt: null);

        var output = _dir.Sub("failing");
        var e = await Assert.ThrowsAsync<RunExecutor.RunStoppedException>(() => RunAsync(output, failAt: 25));
        Assert.StartsWith("No space left on device (simulated)", e.Message);
        Assert.Matches(@"run baseline-\d{8}-\d{6}: its checkpoint at epoch (10|20) is kept in .*; continue it with:\s+silo resume "
            + @"baseline-\d{8}-\d{6} --out "
            + System.Text.RegularExpressions.Regex.Escape(output), e.Message);
        var kept = Assert.Single(Directory.GetDirectories(output));
        Assert.StartsWith(".baseline-", Path.GetFileName(kept));

        var resumed = await RunResume.ResumeAsync(kept, Request(output), TestContext.Current.CancellationToken);
        foreach (var file in new[] { "metrics.csv", "blocks.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(uninterrupted.Folder, file)), File.ReadAllBytes(Path.Combine(resumed.Folder, file)));
        Assert.Equal([Path.GetFileName(resumed.Folder)], Directory.GetDirectories(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AFailureBeforeTheFirstCheckpointLeavesNothing()
    {
        var output = _dir.Sub("early");
        var e = await Assert.ThrowsAsync<IOException>(() => RunAsync(output, failAt: 3));
        Assert.Equal("No space left on device (simulated)", e.Message);
        Assert.Empty(Directory.GetDirectories(output));
    }

    private static RunRequest Request(string output) =>
        new("baseline.yaml", [], output, EngineKind.Direct, ShowProgress: false) { CheckpointEvery = 10 };

    /// <summary>40 epochs of baseline; the epoch observer throws (as a full disk would) once <paramref name="failAt"/> epochs are written.</summary>
    private static Task<RunExecutor.Outcome> RunAsync(string output, int? failAt)
    {
        var written = 0;
        return RunExecutor.ExecuteAsync(Request(output) with
        {
            Scenario = ScenarioInput.Load(Repo.Scenario("baseline.yaml"), [new("run.epochs", "40")]),
            OnEpochs = batch =>
            {
                written += batch.Count;
                if (written >= failAt) throw new IOException("No space left on device (simulated)");
            },
        }, TestContext.Current.CancellationToken);
    }
}

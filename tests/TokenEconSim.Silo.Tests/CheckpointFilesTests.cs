using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// checkpoint.bin and rows.bin as `silo resume` reads them: a sound pair comes back exactly; a
/// truncated, edited or bit-flipped one is refused naming the file and what is wrong, never
/// restored into a run that silently differs, and never a stack trace.
/// </summary>
public sealed class CheckpointFilesTests : IDisposable
{
    private static readonly byte[] Checkpoint = [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))];
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ASoundPairLoadsBackExactly()
    {
        var (folder, rows) = await WriteAsync();
        var loaded = RunCheckpointFiles.Load(folder);
        Assert.NotNull(loaded);
        Assert.Equal(Checkpoint, loaded.Value.Checkpoint);
        Assert.Equal(rows.Take(3).Select(r => (r.Epoch, r.Supply, r.Gini)), loaded.Value.Rows.Select(r => (r.Epoch, r.Supply, r.Gini)));
    }

    [Theory]
    [InlineData("flip", "checkpoint.bin is damaged: its SHA-256 does not match its content")]
    [InlineData("truncate", "checkpoint.bin is damaged: a length of 300 bytes does not fit")]
    [InlineData("empty", "checkpoint.bin is damaged: it ends early")]
    [InlineData("append", "checkpoint.bin is damaged: its parts do not add up to its length")]
    [InlineData("length", "checkpoint.bin is damaged: a length of 2147483647 bytes does not fit")]
    [InlineData("rows", "rows.bin is damaged: it ends early")]
    [InlineData("no-rows", "rows.bin is damaged: it is missing")]
    public async Task ADamagedPairIsRefusedNamingTheFileAndTheDamage(string damage, string message)
    {
        var (folder, _) = await WriteAsync();
        Damage(folder, damage);
        var e = Assert.Throws<InvalidDataException>(() => RunCheckpointFiles.Load(folder));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task ResumeFromADamagedCheckpointExits2AndKeepsTheFolder()
    {
        var (folder, _) = await WriteAsync();
        Damage(folder, "flip");
        var result = await SiloCli.InvokeAsync("resume", folder, "--quiet");
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        Assert.Equal($"{folder}: cannot resume from {folder}: checkpoint.bin is damaged: its SHA-256 does not match its content; run it again",
            Assert.Single(result.ErrLines));
        Assert.True(File.Exists(Path.Combine(folder, RunCheckpointFiles.CheckpointFile))); // nothing is thrown away
    }

    /// <summary>An interrupted run's hidden folder as a run leaves it: scenario.yaml, 4 rows, a checkpoint after epoch 3.</summary>
    private async Task<(string Folder, IReadOnlyList<EpochMetrics> Rows)> WriteAsync()
    {
        var scenario = ScenarioInput.Load(Repo.Scenario("baseline.yaml"), [new("run.epochs", "4")]);
        var outcome = await RunExecutor.ExecuteAsync(new RunRequest("baseline.yaml", [], _dir.Sub("done"), EngineKind.Direct, ShowProgress: false)
        { Scenario = scenario, CheckpointEvery = 0 }, TestContext.Current.CancellationToken);
        var folder = _dir.Sub(".baseline-20261124-000000.tmp-0a1b2c3d");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(outcome.Folder, "scenario.yaml"), Path.Combine(folder, "scenario.yaml"));
        using (var files = new RunCheckpointFiles(folder, []))
        {
            files.Append(outcome.Rows.Take(2));
            await files.Saved(3, Checkpoint);
            files.Append(outcome.Rows.Skip(2));
        }
        return (folder, outcome.Rows);
    }

    private static void Damage(string folder, string how)
    {
        var checkpoint = Path.Combine(folder, RunCheckpointFiles.CheckpointFile);
        var bytes = File.ReadAllBytes(checkpoint);
        switch (how)
        {
            case "flip": bytes[8 + 100] ^= 0x10; break;
            case "truncate": bytes = bytes[..^40]; break;
            case "append": bytes = [.. bytes, 0]; break;
            case "length": BitConverter.TryWriteBytes(bytes.AsSpan(4), int.MaxValue); break;
            case "empty": bytes = []; break;
            case "rows": File.WriteAllBytes(Path.Combine(folder, RunCheckpointFiles.RowsFile), [1, 0]); break;
            case "no-rows": File.Delete(Path.Combine(folder, RunCheckpointFiles.RowsFile)); break;
        }
        File.WriteAllBytes(checkpoint, bytes);
    }
}

using System.Diagnostics;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// A FIFO, a device or a socket named as a scenario or sweep file is refused before it is opened
/// (opening a FIFO waits for a writer forever: run, validate and sweep used to hang); and a blank
/// --out is refused by us, exit 2, not by .NET with exit 1.
/// </summary>
public sealed class NonRegularFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("sweep")]
    [InlineData("tune")]
    public async Task AFifoIsRefusedWithoutWaitingForAWriter(string command)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo");
        var fifo = Fifo("scenario.yaml");
        var result = await WithoutHanging(fifo, command == "validate" ? SiloCli.InvokeAsync(command, fifo) : SiloCli.InvokeAsync(command, fifo,
            "--out", _dir.Sub("out")));
        CliAssert.Exit(2, result);
        Assert.Contains($"{fifo}: is a FIFO (named pipe), not a regular file", result.Err);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task AFifoNamedByExtendsIsRefusedToo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo");
        var fifo = Fifo("base.yaml");
        var scenario = _dir.Write("child.yaml", "extends: base.yaml\n");
        var result = await WithoutHanging(fifo, SiloCli.InvokeAsync("validate", scenario));
        CliAssert.Exit(2, result);
        Assert.Contains("it is a FIFO (named pipe), not a regular file", result.Err);
    }

    [Fact]
    public async Task ACharacterDeviceIsRefused()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/null");
        var result = await SiloCli.InvokeAsync("run", "/dev/null", "--out", _dir.Sub("out"));
        CliAssert.Exit(2, result);
        Assert.Contains("/dev/null: is a character device, not a regular file", result.Err);
    }

    [Theory]
    [InlineData("run", "scenario")]
    [InlineData("resume", "run")]
    [InlineData("sweep", "scenario")]
    [InlineData("tune", "scenario")]
    public async Task ABlankOutIsRefusedWithOurMessage(string command, string argument)
    {
        foreach (var blank in new[] { "", "  " })
        {
            var target = argument == "scenario" ? Repo.Scenario("baseline.yaml") : "baseline-20260101-000000";
            var result = await SiloCli.InvokeAsync(command, target, "--out", blank);
            CliAssert.Exit(2, result);
            Assert.Contains("--out: an empty folder name; name a folder", result.Err);
            CliAssert.NoStackTrace(result);
        }
    }

    private string Fifo(string name)
    {
        var path = _dir.Sub(name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>
    /// The command's result; if it is still waiting on the FIFO after a generous bound, a writer is
    /// opened (so that the test ends rather than hangs) and the test fails.
    /// </summary>
    private static async Task<CliResult> WithoutHanging(string fifo, Task<CliResult> command)
    {
        if (await Task.WhenAny(command, Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken)) == command) return await command;
        await using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        await command;
        throw new Xunit.Sdk.XunitException($"the command waited on the FIFO {fifo} until a writer came");
    }
}

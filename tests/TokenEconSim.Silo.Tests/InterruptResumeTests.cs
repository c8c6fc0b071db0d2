using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using TokenEconSim.Silo.Cli;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// The command a stopped run prints is pasted into a shell as it stands, and finishes the run with
/// the bytes of the run that was never stopped; under `dotnet run` the command is a `dotnet run` one.
/// </summary>
public sealed class InterruptResumeTests : IDisposable
{
    private const int SigTerm = 15;
    private const int Epochs = 600;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ThePrintedCommandResumesASignalledRunToTheUninterruptedBytes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with kill(2); Linux only");
        var output = _dir.Sub("runs");
        using var silo = SiloProcess.Start("run", Repo.Scenario("baseline.yaml"), "--epochs", $"{Epochs}", "--engine", "direct", "--out", output);
        await silo.WaitForLine("first checkpoint at epoch", TimeSpan.FromMinutes(5));
        silo.Send(SigTerm);
        Assert.Equal(ExitCodes.Terminated, await silo.WaitForExit(TimeSpan.FromMinutes(5)));
        var command = CancellationTests.ContinueCommand(silo);

        var (exit, printed) = await Shell(command);

        Assert.True(exit == 0, $"`{command}` exited {exit}:\n{printed}");
        var resumed = Assert.Single(Directory.GetDirectories(output));
        var clean = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--epochs", $"{Epochs}", "--engine", "direct", "--out",
            _dir.Sub("clean"), "--quiet");
        CliAssert.Exit(0, clean);
        foreach (var file in new[] { "metrics.csv", "blocks.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(clean.ResultsFolder, file)), File.ReadAllBytes(Path.Combine(resumed, file)));
        Assert.Equal(Epochs + 1, File.ReadLines(Path.Combine(resumed, "metrics.csv")).Count());
        Assert.Empty(Directory.GetFiles(output)); // no lock file left beside the published run
    }

    [Fact]
    public async Task UnderDotnetRunTheCommandToContinueIsADotnetRunCommandThatWorks()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the run is killed with kill(2); Linux only");
        var project = Path.Combine(Repo.Root, "silo", "TokenEconSim.Silo");
        var output = _dir.Sub("runs");
        // --no-build: the silo project's own output is built with the tests (a project reference), in the tests' configuration.
        var configuration = typeof(InterruptResumeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        using var silo = SiloProcess.StartProgram("dotnet", "run", "--no-build", "-c", configuration, "--project", project, "--",
            "run", Repo.Scenario("baseline.yaml"), "--epochs", $"{Epochs}", "--engine", "direct", "--out", output);
        await silo.WaitForLine("first checkpoint at epoch", TimeSpan.FromMinutes(5));
        var line = silo.Lines.First(l => l.Contains("continue with: ", StringComparison.Ordinal));
        var command = line[(line.IndexOf("continue with: ", StringComparison.Ordinal) + "continue with: ".Length)..];
        Assert.Matches($@"^(\S*/)?dotnet run --no-build -c {configuration} --project {Regex.Escape(project)} -- resume "
            + $@"baseline-\d{{8}}-\d{{6}} --out {Regex.Escape(output)}$", command);
        KillTree(silo.Id); // a crash: nothing is cleaned up

        var (exit, printed) = await Shell(command);

        Assert.True(exit == 0, $"`{command}` exited {exit}:\n{printed}");
        Assert.Equal(Epochs + 1, File.ReadLines(Path.Combine(Assert.Single(Directory.GetDirectories(output)), "metrics.csv")).Count());
    }

    /// <summary>kill -9 of the process and its children (dotnet run starts the app as a child).</summary>
    private static void KillTree(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Runs a command line as a user would paste it: through /bin/sh, from another working directory.</summary>
    private async Task<(int Exit, string Output)> Shell(string command)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", command + " --quiet" }, RedirectStandardOutput = true,
            RedirectStandardError = true, WorkingDirectory = _dir.Path
        };
        start.Environment.Remove("TOKENECONSIM_DEBUG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}

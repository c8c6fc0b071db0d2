using Spectre.Console;
using SiloCommandLine = TokenEconSim.Silo.Cli.CommandLine;

namespace TokenEconSim.Silo.Tests.Support;

/// <summary>What one `silo` invocation returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public IReadOnlyList<string> ErrLines => Lines(Err);

    public IReadOnlyList<string> OutLines => Lines(Out);

    /// <summary>The folder printed as "results: …" by a successful run.</summary>
    public string ResultsFolder =>
        OutLines.SingleOrDefault(l => l.StartsWith("results: ", StringComparison.Ordinal))?["results: ".Length..].Trim()
        ?? throw new Xunit.Sdk.XunitException($"no 'results:' line in the output:\n{this}");

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>
/// Runs the real command line in process (<see cref="SiloCommandLine.InvokeAsync(string[])"/>) with stdout,
/// stderr and Spectre's console captured. Console redirection is process-wide, so invocations are
/// serialized here whatever test class calls them.
/// </summary>
internal static class SiloCli
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<CliResult> InvokeAsync(params string[] args)
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        var (oldOut, oldErr, oldAnsi) = (Console.Out, Console.Error, AnsiConsole.Console);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            // Spectre keeps the writer it was created with; give it the captured one, as a pipe would
            // (not interactive, no ANSI), so the table and progress lines land in stdout.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            var exit = await SiloCommandLine.InvokeAsync(args);
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            AnsiConsole.Console = oldAnsi;
            Gate.Release();
        }
    }
}

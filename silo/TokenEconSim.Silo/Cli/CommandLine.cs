using System.CommandLine;
using Spectre.Console;
using TokenEconSim.Hosting;

namespace TokenEconSim.Silo.Cli;

/// <summary>The `silo` command line. Every failure ends in one readable message and an exit code, never a stack trace.</summary>
public static class CommandLine
{
    /// <summary>In process (tests, tools): no signal handling; a cancelled command exits 1.</summary>
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, null);

    /// <param name="signals">Ctrl+C/SIGTERM, registered by Main before anything else; a command they stop exits 128 + the signal.</param>
    public static async Task<int> InvokeAsync(string[] args, ShutdownSignals? signals)
    {
        var root = new RootCommand("TokenEconSim: an actor-based simulation of a tokenized AI economy on Microsoft Orleans.")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            BenchCommand.Create(),
            CompareCommand.Create(),
            CompareScenariosCommand.Create(),
            SweepCommand.Create(),
            TuneCommand.Create(),
            ResumeCommand.Create(),
            HostCommand.Create(),
            DbCommand.Create(),
            ServeCommand.Create(),
            AgentsCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'silo --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            // Our exception handler below, not System.CommandLine's: it would print a stack trace and exit 1.
            // Our signal handling (ShutdownSignals), not its: it registers only after the action first
            // yields, and after its timeout it ends the process with 130/143 and nothing said.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                signals?.Token ?? CancellationToken.None);
        }
        catch (BadInputException e)
        {
            foreach (var p in e.Problems) Console.Error.WriteLine(p);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is Studies.Sweeps.SweepCancelledException or Hosting.Runs.RunInterruptedException)
        {
            Console.Error.WriteLine(e.Message);
            return signals?.ExitCode ?? ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: no results folder was written");
            return signals?.ExitCode ?? ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("TOKENECONSIM_DEBUG") == "1") AnsiConsole.WriteException(e);
            else Console.Error.WriteLine("(set TOKENECONSIM_DEBUG=1 to see the stack trace)");
            return ExitCodes.Failure;
        }
    }
}

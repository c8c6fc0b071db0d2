using System.CommandLine;
using Spectre.Console;

namespace TokenEconSim.Silo.Cli;

/// <summary>The `silo` command line. Every failure ends in one readable message and an exit code, never a stack trace.</summary>
public static class CommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("TokenEconSim: an actor-based simulation of a tokenized AI economy on Microsoft Orleans.")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            BenchCommand.Create(),
            CompareCommand.Create(),
            SweepCommand.Create(),
            TuneCommand.Create(),
            ResumeCommand.Create(),
            HostCommand.Create(),
            DbCommand.Create(),
            ServeCommand.Create(),
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
            // Our handler below, not System.CommandLine's: it would print a stack trace and exit 1.
            // Ctrl+C/SIGTERM cancel the action; it gets 20 s (not System.CommandLine's 2 s, after which the
            // process dies with 130/143) to delete a half-written run folder or take a silo out of the cluster.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(20) });
        }
        catch (BadInputException e)
        {
            foreach (var p in e.Problems) Console.Error.WriteLine(p);
            return ExitCodes.BadInput;
        }
        catch (Sweeps.SweepCancelledException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: no results folder was written");
            return ExitCodes.Failure;
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

namespace TokenEconSim.Silo.Cli;

/// <summary>
/// docs/model.md §16: 0 success, 2 bad input (scenario, flag, a folder another process holds), 1 failure of the run itself;
/// a command stopped by a signal exits 128 + its number, as shells report it: 130 for Ctrl+C
/// (SIGINT), 143 for SIGTERM (<see cref="ShutdownSignals"/>). Both stop the same way: a run keeps its
/// last checkpoint and prints the command that continues it.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Interrupted = 130;
    public const int Terminated = 143;
}

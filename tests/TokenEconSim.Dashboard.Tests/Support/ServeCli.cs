using TokenEconSim.Silo.Cli;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>`silo …` in this process, for commands that end (refusals): its exit code and what it wrote to stderr.</summary>
internal static class ServeCli
{
    public static async Task<(int Exit, string Err)> InvokeAsync(string[] args)
    {
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        try
        {
            Environment.SetEnvironmentVariable(ServeCommand.TokenVariable, null);
            return (await CommandLine.InvokeAsync(args), err.ToString());
        }
        finally
        {
            Console.SetError(old);
        }
    }
}

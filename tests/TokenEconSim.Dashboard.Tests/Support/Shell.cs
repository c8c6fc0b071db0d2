using System.Diagnostics;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>Runs a command to completion and returns its exit code and combined output.</summary>
internal static class Shell
{
    public static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, string? stdin = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = stdin is not null
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        if (stdin is not null)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}

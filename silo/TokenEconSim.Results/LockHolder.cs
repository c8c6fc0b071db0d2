using System.Diagnostics;
using System.Globalization;

namespace TokenEconSim.Results;

/// <summary>
/// Who holds a run's or a sweep's folder lock: the owner writes its pid into &lt;lock&gt;.pid beside
/// the lock file, because another process cannot read a file it has locked. Readers (a refused second
/// start naming the owner; the dashboard telling a live sweep from one that was killed) go through here.
/// </summary>
public static class LockHolder
{
    /// <summary>The file beside <paramref name="lockPath"/> that names the holder's pid.</summary>
    public static string PidFile(string lockPath) => lockPath + ".pid";

    /// <summary>The pid the holder wrote, or null when there is none or it cannot be read.</summary>
    public static int? Pid(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(PidFile(lockPath)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the pid recorded for <paramref name="lockPath"/> is a running process. A process
    /// killed with kill -9 cannot say it stopped; this is how its folder is known to be abandoned.
    /// </summary>
    public static bool IsAlive(string lockPath)
    {
        if (Pid(lockPath) is not { } pid) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

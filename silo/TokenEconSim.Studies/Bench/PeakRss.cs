using System.Diagnostics;
using System.Globalization;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// The process's peak resident set over one run. Linux keeps it as VmHWM in /proc/self/status and resets it to the current
/// resident set when "5" is written to /proc/self/clear_refs (proc(5)); elsewhere, or where that is refused, the process's peak
/// since start.
/// </summary>
internal static class PeakRss
{
    public static void Reset()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static long Read()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture,
                    out var kib))
                return kib * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}

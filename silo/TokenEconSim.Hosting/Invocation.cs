using System.Text;

namespace TokenEconSim.Hosting;

/// <summary>
/// The command a user can paste to run `silo` again the way this process was started: under
/// `dotnet run` (the parent process is the .NET CLI: its arguments up to "--" are kept), as
/// `dotnet silo.dll`, as `silo` found on PATH, or by the executable's full path.
/// </summary>
public static class Invocation
{
    /// <summary>`… resume &lt;run&gt; --out &lt;absolute parent&gt;`: valid from any working directory.</summary>
    public static string Resume(string runName, string outputParent) =>
        $"{Prefix()} resume {Quote(runName)} --out {Quote(Path.GetFullPath(outputParent))}";

    /// <summary>What starts `silo` the way this process was started.</summary>
    public static string Prefix() => Prefix(ParentArguments(), Environment.ProcessPath, CommandAssembly(),
        Environment.GetEnvironmentVariable("PATH"));

    /// <summary>silo.dll: the program that was started (this library is one of its dependencies).</summary>
    private static string CommandAssembly() =>
        System.Reflection.Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry ? entry : typeof(Invocation).Assembly.Location;

    /// <summary>The decision, from what was observed (kept apart so that each way of starting can be tested).</summary>
    internal static string Prefix(IReadOnlyList<string>? parent, string? processPath, string assembly, string? pathVariable)
    {
        if (parent is [var cli, "run", ..] && IsDotnet(cli))
        {
            var separator = parent.ToList().IndexOf("--");
            var kept = separator < 0 ? parent : parent.Take(separator).ToList();
            return string.Join(' ', kept.Select(Quote)) + " --";
        }
        if (processPath is null) return "silo";
        if (IsDotnet(processPath)) return $"{Quote(processPath)} {Quote(assembly)}";
        if (Path.GetFileNameWithoutExtension(processPath) != "silo") return "silo"; // hosted in another process (tests)
        return OnPath("silo", pathVariable) is { } found && SameFile(found, processPath) ? "silo" : Quote(processPath);
    }

    private static bool IsDotnet(string path) => Path.GetFileNameWithoutExtension(path) == "dotnet";

    /// <summary>The parent process's arguments (Linux: /proc); null where they cannot be read.</summary>
    private static IReadOnlyList<string>? ParentArguments()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            // /proc/self/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText("/proc/self/stat");
            var ppid = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
            var raw = File.ReadAllBytes($"/proc/{ppid}/cmdline");
            return Encoding.UTF8.GetString(raw).TrimEnd('\0').Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    private static string? OnPath(string name, string? pathVariable) =>
        (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static bool SameFile(string a, string b)
    {
        static string Real(string p) => new FileInfo(p).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(p);
        return Real(a) == Real(b);
    }

    /// <summary>A word as a POSIX shell reads it back: bare when safe, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}

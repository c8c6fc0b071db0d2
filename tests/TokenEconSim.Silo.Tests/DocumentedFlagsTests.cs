using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using TokenEconSim.Silo.Cli;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Every `--flag` the Markdown docs name exists on the live `silo` command tree, and a flag written
/// after `silo &lt;command&gt;` exists on that command: a renamed or removed option fails here, not
/// in a reader's terminal. Flags of the other tools the docs show (`dotnet run --project`,
/// `docker compose up --build`, `dotnet-trace --format`) are told apart by what precedes them.
/// </summary>
public sealed partial class DocumentedFlagsTests
{
    /// <summary>
    /// Each `silo` command with its options (subcommands' included, so `db` has `init`'s), built by the
    /// commands' own factories: every public static Command Create() of the Cli namespace, so a command
    /// or option added later is seen without touching this test.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> Commands = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(CommandLine).Namespace)
        .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
        .Where(m => m != null && typeof(Command).IsAssignableFrom(m.ReturnType))
        .Select(m => (Command)m!.Invoke(null, null)!)
        .ToDictionary(c => c.Name, c => OptionNames(c).ToHashSet());

    [Fact]
    public void TheCommandTreeIsFound()
    {
        Assert.Superset(new HashSet<string> { "run", "validate", "bench", "compare-difficulty", "sweep", "tune", "resume", "host", "db", "serve" },
            Commands.Keys.ToHashSet());
        Assert.Contains("--set", Commands["run"]);
        Assert.Contains("--connection", Commands["db"]);   // from its subcommand `init`
    }

    [Fact]
    public void EveryFlagTheDocsNameExistsOnSomeCommand()
    {
        var all = Commands.Values.SelectMany(o => o).Append("--help").Append("--version").ToHashSet();
        var unknown = DocLines().SelectMany(l => SiloFlags(l.Text).Where(f => !all.Contains(f.Flag)).Select(f => $"{l.Where}: {f.Flag}")).ToList();
        Assert.True(unknown.Count == 0, "flags no silo command has:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void AFlagWrittenAfterSiloCommandBelongsToThatCommand()
    {
        var wrong = new List<string>();
        foreach (var (where, text) in DocLines())
            foreach (Match use in CommandUse().Matches(text))
            {
                if (!Commands.TryGetValue(use.Groups["command"].Value, out var options)) continue;
                var rest = text[(use.Index + use.Length)..];
                var end = CommandEnd().Match(rest);
                foreach (Match flag in Flag().Matches(end.Success ? rest[..end.Index] : rest))
                    if (!options.Contains(flag.Groups[1].Value)) wrong.Add($"{where}: silo {use.Groups["command"].Value} {flag.Groups[1].Value}");
            }
        Assert.True(wrong.Count == 0, "flags the named command does not have:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void FlagsOfOtherToolsAreToldApartFromSilosFlags()
    {
        Assert.Equal(["--stats"], SiloFlags("`dotnet run -c Release --project silo/TokenEconSim.Silo -- bench --stats`").Select(f => f.Flag));
        Assert.Empty(SiloFlags("DASHBOARD_TOKEN=x docker compose up --build"));
        Assert.Empty(SiloFlags("dotnet dotnet-trace convert --format speedscope direct.nettrace"));
        Assert.Equal(["--seed", "--out"], SiloFlags("silo run <scenario> [--seed N] [--out DIR]").Select(f => f.Flag));
    }

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.SelectMany(OptionNames));

    /// <summary>The `--flags` of a line that are silo's: not after another tool's name unless a `--` separator followed it.</summary>
    private static IEnumerable<(string Flag, int Index)> SiloFlags(string line)
    {
        var foreign = OtherTool().Matches(line).Select(m => m.Index).ToList();
        var separators = Separator().Matches(line).Select(m => m.Index).ToList();
        foreach (Match flag in Flag().Matches(line))
        {
            var lastTool = foreign.Where(i => i < flag.Index).DefaultIfEmpty(-1).Max();
            var lastSeparator = separators.Where(i => i < flag.Index).DefaultIfEmpty(-1).Max();
            if (lastTool < 0 || lastSeparator > lastTool) yield return (flag.Groups[1].Value, flag.Index);
        }
    }

    /// <summary>Lines of the repository's Markdown (README, docs/, scenarios/, dashboard/).</summary>
    private static IEnumerable<(string Where, string Text)> DocLines() =>
        new[] { "README.md", "docs", "scenarios", "dashboard" }
            .SelectMany(p => p.EndsWith(".md", StringComparison.Ordinal)
                ? [Path.Combine(Repo.Root, p)]
                : Directory.EnumerateFiles(Path.Combine(Repo.Root, p), "*.md", SearchOption.TopDirectoryOnly))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => ($"{Path.GetRelativePath(Repo.Root, f)}:{i + 1}", text)));

    [GeneratedRegex(@"(?<![\w-])(--[a-z][a-z0-9-]*)")]
    private static partial Regex Flag();

    [GeneratedRegex(@"\b(?:dotnet(?:-trace)?|docker(?:-compose)?|promtool|npm)\b")]
    private static partial Regex OtherTool();

    [GeneratedRegex(@"(?<=\s)--(?=\s)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\bsilo (?<command>[a-z][a-z-]*)")]
    private static partial Regex CommandUse();

    /// <summary>Where a command's own flags stop: a shell connective, the end of a code span, a comment.</summary>
    [GeneratedRegex(@"&&|\|\||;|`|\s#\s")]
    private static partial Regex CommandEnd();
}

using System.Text.RegularExpressions;
using TokenEconSim.Scenarios.Schema;

namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// Every scenario key path the docs name (`rewards.c_gpu`, `--set run.seed=7`, `learning.quality.*`,
/// `populations.&lt;role&gt;.participation`) exists in the scenario schema, as a key or as a section:
/// a renamed key fails here instead of misleading a reader. Paths are recognised by their first
/// segment being a top-level section; sweep files' own keys (`sweep.…`) and file names
/// (`governance.csv`) are not scenario keys.
/// </summary>
public sealed class DocumentedKeysTests
{
    private static readonly HashSet<string> Leaves = [.. ScenarioSchema.Leaves.Select(l => l.Path)];

    /// <summary>Every leaf and every section above one (`consensus.difficulty`, `consensus`).</summary>
    private static readonly HashSet<string> Known =
        [.. Leaves.SelectMany(p => p.Split('.').Select((_, i) => string.Join('.', p.Split('.').Take(i + 1))))];

    private static readonly HashSet<string> FileExtensions = ["yaml", "yml", "csv", "json", "md", "png", "svg", "cs", "html", "js"];

    private static readonly Regex KeyPath = new(
        $@"(?<![\w./<>-])(?:{string.Join('|', Leaves.Select(p => p.Split('.')[0]).Distinct())})(?:\.(?:[a-z0-9_]+|<role>|\*))+",
        RegexOptions.CultureInvariant);

    [Fact]
    public void EveryKeyPathTheDocsNameExists()
    {
        var unknown = DocTexts()
            .SelectMany(l => KeyPath.Matches(l.Text).Select(m => m.Value.TrimEnd('.'))
                .Where(p => !FileExtensions.Contains(p[(p.LastIndexOf('.') + 1)..]))
                .Where(p => !Exists(p))
                .Select(p => $"{l.Where}: {p}"))
            .ToList();
        Assert.True(unknown.Count == 0, "no such scenario key or section:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void PathsAreRecognisedAndResolvedAsWritten()
    {
        Assert.Equal(["rewards.alpha", "run.seed"], KeyPath.Matches("`--set rewards.alpha=0.5 --set run.seed=7`").Select(m => m.Value));
        Assert.Empty(KeyPath.Matches("scenarios/run.yaml, my.rewards.alpha"));
        Assert.True(Exists("learning.quality.*"));
        Assert.True(Exists("populations.<role>.participation"));
        Assert.False(Exists("populations.<role>.gpu_hours"));   // only trainers have it
        Assert.False(Exists("rewards.delta"));
        Assert.False(Exists("rewards.alpha.*"));                  // a key, not a section
    }

    /// <summary>A key or a section; `x.*` needs a section x; `&lt;role&gt;` must hold for every population.</summary>
    private static bool Exists(string path)
    {
        if (path.Contains("<role>", StringComparison.Ordinal))
        {
            var roles = Known.Where(k => k.StartsWith("populations.", StringComparison.Ordinal) && k.Count(c => c == '.') == 1)
                .Select(k => k["populations.".Length..]).ToList();
            return roles.Count > 0 && roles.All(r => Exists(path.Replace("<role>", r, StringComparison.Ordinal)));
        }
        if (path.EndsWith(".*", StringComparison.Ordinal)) return Known.Contains(path[..^2]) && !Leaves.Contains(path[..^2]);
        return Known.Contains(path);
    }

    /// <summary>The Markdown docs, and the comments of the shipped scenarios (which name keys for --set).</summary>
    private static IEnumerable<(string Where, string Text)> DocTexts() =>
        RepoText.Markdown().SelectMany(RepoText.Lines)
            .Concat(RepoText.Files().Where(f => RepoText.Relative(f).StartsWith("scenarios/", StringComparison.Ordinal)
                && f.EndsWith(".yaml", StringComparison.Ordinal))
                .SelectMany(RepoText.Lines)
                .Where(l => l.Text.Contains('#'))
                .Select(l => (l.Where, l.Text[l.Text.IndexOf('#')..])));
}

using System.Text.RegularExpressions;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>docs/model.md §6's table of metrics.csv columns names every declared column, and nothing else.</summary>
public partial class MetricsDocsTests
{
    [GeneratedRegex("`([a-z0-9_<>]+)`")]
    private static partial Regex CodeName();

    [Fact]
    public void TheDocsTableListsExactlyTheDeclaredColumnsWithTheirUnits()
    {
        var documented = DocumentedColumns();
        var declared = MetricColumns.All.ToDictionary(c => c.Name);
        Assert.Empty(declared.Keys.Except(documented.Keys)); // declared, not documented
        Assert.Empty(documented.Keys.Except(declared.Keys)); // documented, not declared
        // A column in value units may name its physical unit instead (hashrate: H/s); the others say theirs.
        Assert.All(declared.Values.Where(c => c.Unit != MetricUnit.Value), c =>
            Assert.True(documented[c.Name] == c.Unit.ToString().ToLowerInvariant(), $"{c.Name}: docs say '{documented[c.Name]}', declared {c.Unit}"));
    }

    /// <summary>Column name → unit cell, with `x_&lt;role&gt;` rows expanded to one per role.</summary>
    private static Dictionary<string, string> DocumentedColumns()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "model.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### metrics.csv columns");
        Assert.True(start >= 0, "docs/model.md has no '### metrics.csv columns' section");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2); // header and rule
        var columns = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            foreach (Match m in CodeName().Matches(cells[1]))
                foreach (var name in Expand(m.Groups[1].Value))
                    Assert.True(columns.TryAdd(name, cells[2]), $"docs/model.md lists {name} twice");
        }
        return columns;
    }

    private static IEnumerable<string> Expand(string name) =>
        name.Contains("<role>", StringComparison.Ordinal) ? Roles.All.Select(r => name.Replace("<role>", r.Key(), StringComparison.Ordinal)) : [name];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenEconSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("TokenEconSim.sln not found above the test binaries");
    }
}

using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>
/// scenarios/README.md documents every key; these tests keep it honest as keys are added to the
/// Domain: each leaf key needs a table row, and the row's type, default and valid range must be
/// the model's own.
/// </summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot.Scenarios, "README.md"));

    /// <summary>The cells of the table row whose first cell is `path`, or null.</summary>
    private static string[]? Row(string path) => Readme.Split('\n')
        .Where(l => l.StartsWith($"| `{path}` |", StringComparison.Ordinal))
        .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
        .FirstOrDefault();

    public static TheoryData<string> Keys() => [.. ScenarioSchema.Leaves.Select(l => l.Path)];

    [Fact]
    public void EveryKeyOfTheModelIsDocumented()
    {
        var missing = ScenarioSchema.Leaves.Select(l => l.Path).Where(p => !Readme.Contains($"`{p}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "undocumented in scenarios/README.md: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void KeyRowStatesTheModelsTypeDefaultAndRange(string path)
    {
        var leaf = ScenarioSchema.Leaves.Single(l => l.Path == path);
        var row = Row(path);
        Assert.True(row != null, $"scenarios/README.md has no table row starting with | `{path}` |");
        Assert.Equal(5, row.Length);
        Assert.Equal(ScenarioSchema.TypeName(leaf.Key.Type), row[1]);
        Assert.Equal($"`{DefaultText(DefaultOf(path))}`", row[2]);
        var constraint = ScenarioSchema.ConstraintText(leaf.Key);
        if (constraint != "any" || path != "run.name") Assert.Equal(constraint, row[3]);   // run.name's rule is a pattern, worded in the row
        Assert.False(string.IsNullOrWhiteSpace(row[4]), $"{path} has no meaning written");
    }

    [Fact]
    public void NoRowDocumentsAKeyThatDoesNotExist()
    {
        var known = ScenarioSchema.Leaves.Select(l => l.Path).ToHashSet();
        var documented = Readme.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l[3..l.IndexOf('`', 3)]).Where(k => k.Contains('.') && !k.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(documented, k => !known.Contains(k));
    }

    [Fact]
    public void DistributionNotationMatchesTheDomain()
    {
        foreach (var name in TokenEconSim.Domain.Distributions.Distribution.Names) Assert.Contains($"`{name}(", Readme);
        Assert.Contains("`gamma(k,θ)` | gamma with shape k > 0 and **scale** θ", Readme);
        Assert.Contains("`exp(m)` | exponential with **mean** m", Readme);
        Assert.Contains("**underlying normal**", Readme);
    }

    /// <summary>A default as the resolved scenario writes it; a list key's default is the empty list, written `[]`.</summary>
    private static string DefaultText(object? value) =>
        value is System.Collections.ICollection { Count: 0 } ? "[]" : ScenarioWriter.FormatScalar(value);

    /// <summary>The default of a dotted key: walk a fresh scenario's properties.</summary>
    private static object? DefaultOf(string path)
    {
        object? value = new Scenario();
        Type type = typeof(Scenario);
        foreach (var name in path.Split('.'))
        {
            var key = ScenarioSchema.KeysOf(type).Single(k => k.Name == name);
            value = key.Property.GetValue(value);
            type = key.Type;
        }
        return value;
    }
}

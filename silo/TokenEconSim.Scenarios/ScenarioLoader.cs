using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Binding;
using TokenEconSim.Scenarios.Loading;
using TokenEconSim.Scenarios.Validation;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios;

/// <summary>
/// Scenario YAML → the Domain's <see cref="Domain.Parameters.Scenario"/>: read, follow `extends`,
/// merge, apply overrides, bind by reflection, check cross-field rules. Never throws for bad input:
/// every problem comes back as a <see cref="ScenarioError"/> with file, line and column.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>How errors in command-line overrides name their "file" (line and column are 0).</summary>
    public const string OverrideSource = "--set";

    public static ScenarioLoadResult LoadFile(string path) => LoadFile(path, []);

    /// <param name="overrides">Dotted keys and values applied after merging, e.g. ("run.seed", "7"), later ones winning.</param>
    public static ScenarioLoadResult LoadFile(string path, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        var errors = new List<ScenarioError>();
        var tree = new ExtendsResolver(errors).LoadFile(Path.GetFullPath(path), path);
        return Finish(tree, overrides, errors, path);
    }

    /// <summary>Loads YAML held in memory (a resolved scenario passed to a grain); `extends`, if any, is relative to the working directory.</summary>
    public static ScenarioLoadResult LoadText(string yaml, string fileName = "<text>")
    {
        var errors = new List<ScenarioError>();
        var tree = new ExtendsResolver(errors).LoadText(yaml, fileName, Directory.GetCurrentDirectory());
        return Finish(tree, [], errors, fileName);
    }

    /// <summary>
    /// A sweep file's merged tree (extends followed, `sweep:` taken out) and its `sweep:` entry,
    /// for <see cref="Sweeps.SweepLoader"/>, which binds the tree once per run with <see cref="Bind"/>.
    /// </summary>
    internal static (MappingNode? Tree, MappingEntry? Sweep) ResolveSweepFile(string path, List<ScenarioError> errors)
    {
        var resolver = new ExtendsResolver(errors) { AcceptSweep = true };
        var tree = resolver.LoadFile(Path.GetFullPath(path), path);
        return (tree, resolver.Sweep);
    }

    /// <summary>
    /// Binds an already resolved tree with overrides, each written at a location of its own (a
    /// sweep's value), so binding errors point there. The errors are in binding order.
    /// </summary>
    internal static Scenario? Bind(MappingNode tree, IEnumerable<(string Key, string Value, SourceLocation At)> overrides, List<ScenarioError> errors)
    {
        tree = ApplyOverrides(tree, overrides, errors);
        if (errors.Count > 0) return null;
        var binder = new Binder(errors);
        var scenario = binder.BindScenario(tree);
        CrossFieldChecks.Check(scenario, tree, binder.FailedPaths, errors);
        return errors.Count == 0 ? scenario : null;
    }

    private static ScenarioLoadResult Finish(MappingNode? tree, IReadOnlyList<KeyValuePair<string, string>> overrides,
        List<ScenarioError> errors, string rootFile)
    {
        var at = new SourceLocation(OverrideSource, 0, 0);
        if (tree != null) tree = ApplyOverrides(tree, overrides.Select(o => (o.Key, o.Value, at)), errors);
        if (tree == null || errors.Count > 0) return new ScenarioLoadResult(null, InDocumentOrder(errors, rootFile));

        var binder = new Binder(errors);
        var scenario = binder.BindScenario(tree);
        CrossFieldChecks.Check(scenario, tree, binder.FailedPaths, errors);
        return new ScenarioLoadResult(scenario, InDocumentOrder(errors, rootFile));
    }

    private static MappingNode ApplyOverrides(MappingNode tree, IEnumerable<(string Key, string Value, SourceLocation At)> overrides,
        List<ScenarioError> errors)
    {
        foreach (var (key, value, at) in overrides)
        {
            var segments = key.Trim().Split('.');
            if (segments.Any(s => s.Length == 0))
                errors.Add(at.Error($"'{key}' is not a dotted key such as run.seed or populations.users.count"));
            else if (segments[0] == ExtendsResolver.ExtendsKey)
                errors.Add(at.Error("extends cannot be overridden; write a scenario file that extends the one you want"));
            else
                tree = TreeMerge.Merge(tree, TreeMerge.FromDottedKey(segments, value, at));
        }
        return tree;
    }

    /// <summary>
    /// Errors sorted by line and column within each file; the loaded file first, then the others
    /// in the order they first came up, overrides last. Binding walks the merged tree, whose key
    /// order mixes files, so its order is not the order a reader meets the lines in.
    /// </summary>
    internal static List<ScenarioError> InDocumentOrder(List<ScenarioError> errors, string rootFile)
    {
        var rank = new List<string> { rootFile };
        rank.AddRange(errors.Select(e => e.File).Where(f => f != OverrideSource).Distinct().Where(f => f != rootFile));
        rank.Add(OverrideSource);
        return [.. errors.OrderBy(e => rank.IndexOf(e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column)];
    }
}

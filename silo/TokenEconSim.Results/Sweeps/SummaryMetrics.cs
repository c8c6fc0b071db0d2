using System.Globalization;
using System.Text.Json;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Sweeps;

/// <summary>
/// The summary metrics a sweep tabulates: every numeric value of summary.json, nested keys joined
/// with '.' (total_rewards_by_role.trainer). The list is read off <see cref="RunSummary"/> itself,
/// so a metric added there (final accuracy, token price) is swept, tabulated and can be charted
/// or used in an objective without touching this file.
/// </summary>
public static class SummaryMetrics
{
    /// <summary>Identity fields of a run, not results: the seed and name are columns of their own.</summary>
    private static readonly HashSet<string> NotMetrics = ["name", "seed", "version", "epochs"];

    /// <summary>Charted by default (those that exist); any other metric can be asked for with --metric.</summary>
    private static readonly string[] MainCandidates =
        ["final_gini", "mean_inflation", "final_supply", "acceptance_rate", "mean_block_time", "final_accuracy", "final_token_price"];

    /// <summary>Every metric of a run whose populations draw, in summary.json order.</summary>
    public static IReadOnlyList<string> Names { get; } = ReadNames(responding: false);

    /// <summary>
    /// <see cref="Names"/> and the "incentives.*" metrics of a run where some population responds: a sweep of such
    /// runs tabulates them too; the tables of other sweeps keep their columns.
    /// </summary>
    public static IReadOnlyList<string> Responding { get; } = ReadNames(responding: true);

    /// <summary>The metrics of a sweep's runs: <see cref="Responding"/> when its populations respond, else <see cref="Names"/>; with the
    /// network (network.topology) also its "mining.*" metrics.</summary>
    public static IReadOnlyList<string> For(bool responding, bool network = false) =>
        !network ? responding ? Responding : Names : responding ? RespondingNetwork : Network;

    /// <summary>The metrics of runs of these scenarios: the responding ones if any responds, "mining.*" if any has a network.</summary>
    public static IReadOnlyList<string> For(params IEnumerable<Scenario> scenarios) =>
        For(scenarios.Any(BehaviourColumns.Group.IsEnabled), scenarios.Any(NetworkColumns.Group.IsEnabled));

    private static readonly IReadOnlyList<string> Network = ReadNames(responding: false, network: true);
    private static readonly IReadOnlyList<string> RespondingNetwork = ReadNames(responding: true, network: true);

    /// <summary>The metrics charted when none is chosen.</summary>
    public static IReadOnlyList<string> Main { get; } = [.. MainCandidates.Where(Names.Contains)];

    /// <summary>Charted by default beside <see cref="Main"/> when the populations respond: who takes part, and how carefully.</summary>
    private static readonly string[] RespondingCandidates =
        ["incentives.provider.active_mean", "incentives.trainer.active_mean", "incentives.provider.effort_mean", "incentives.provider.cheating_rate"];

    /// <summary>The metrics charted when none is chosen, for a sweep whose populations respond or not.</summary>
    public static IReadOnlyList<string> MainFor(bool responding) =>
        responding ? [.. Main, .. RespondingCandidates.Where(Responding.Contains)] : Main;

    /// <summary>The metrics of one summary.json, as <paramref name="names"/>: the number as written, or "" when undefined (null).</summary>
    public static string[] Read(string summaryJsonPath, IReadOnlyList<string> names)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(summaryJsonPath));
        var found = new Dictionary<string, string>();
        Flatten(doc.RootElement, "", found);
        return [.. names.Select(n => found.TryGetValue(n, out var v) ? v : "")];
    }

    /// <summary>A cell of <see cref="Read"/> as a number; NaN when empty.</summary>
    public static double Value(string cell) =>
        cell.Length > 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN;

    private static List<string> ReadNames(bool responding, bool network = false)
    {
        // A run with no epochs still has every key (values null), which is all the names need.
        var empty = RunSummary.From(new RunInfo("x", 0, "", "", 1, ""), [], responding, network);
        using var doc = JsonDocument.Parse(empty.ToJson());
        var found = new Dictionary<string, string>();
        Flatten(doc.RootElement, "", found, keepNulls: true);
        return [.. found.Keys];
    }

    /// <summary>
    /// Numbers as their JSON text (exact), numeric strings as written, nulls as "". A token amount's exact twin
    /// (final_supply_exact, total_rewards_by_role_exact.miner) follows its number and replaces it under the number's
    /// name: the tables keep one column per amount, written exactly.
    /// </summary>
    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> into, bool keepNulls = true)
    {
        foreach (var p in element.EnumerateObject())
        {
            var key = p.Name.EndsWith(RunSummary.ExactSuffix, StringComparison.Ordinal) ? p.Name[..^RunSummary.ExactSuffix.Length] : p.Name;
            var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (prefix.Length == 0 && NotMetrics.Contains(name)) continue;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object: Flatten(p.Value, name, into, keepNulls); break;
                case JsonValueKind.Number: into[name] = p.Value.GetRawText(); break;
                case JsonValueKind.String when decimal.TryParse(p.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    into[name] = p.Value.GetString()!;
                    break;
                case JsonValueKind.Null when keepNulls: into[name] = ""; break;
            }
        }
    }
}

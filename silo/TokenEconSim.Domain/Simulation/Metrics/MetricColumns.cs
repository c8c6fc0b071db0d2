namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Every declared column, in metrics.csv order: the groups in the order below, each group's columns
/// in the order its class declares them. Stored columns get their slots here, in that order, so the
/// layout of a row is the same in every process of a cluster whatever class was touched first.
/// </summary>
public static class MetricColumns
{
    /// <summary>The groups in column order. A new group goes here (optional ones at the end).</summary>
    public static IReadOnlyList<MetricGroup> Groups { get; } =
        [LedgerColumns.Group, ConsensusColumns.Group, ContributionColumns.Group, LearningColumns.Group, EconomyColumns.Group,
            BehaviourColumns.Group, YumaColumns.Group, YumaAdversaryColumns.Group, NetworkColumns.Group, NetworkAttackerColumns.Group,
            DoubleSpendColumns.Group];

    public static IReadOnlyList<MetricColumn> All { get; } = [.. Groups.SelectMany(g => g.Columns)];

    /// <summary>The columns a row stores, in slot order (what its serialized form carries).</summary>
    public static IReadOnlyList<StoredColumn> Stored { get; } = AssignSlots();

    private static readonly long[] Defaults = [.. Stored.Select(c => c.DefaultBits)];

    public static MetricColumn Named(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"no metrics column '{name}'", nameof(name));

    /// <summary>A new row's values: every slot at its column's default.</summary>
    internal static long[] NewValues() => (long[])Defaults.Clone();

    private static StoredColumn[] AssignSlots()
    {
        var duplicate = All.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"metrics column '{duplicate.Key}' is declared twice");
        var stored = All.OfType<StoredColumn>().ToArray();
        for (var i = 0; i < stored.Length; i++) stored[i].Slot = i;
        return stored;
    }
}

/// <summary>The columns of one run's metrics.csv: every group its scenario enables, in <see cref="MetricColumns"/> order.</summary>
public sealed class MetricLayout
{
    private MetricLayout(IEnumerable<MetricGroup> groups) => Columns = [.. groups.SelectMany(g => g.Columns)];

    public IReadOnlyList<MetricColumn> Columns { get; }

    /// <summary>Every declared column, optional groups included.</summary>
    public static MetricLayout Every { get; } = new(MetricColumns.Groups);

    public static MetricLayout For(Parameters.Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Of(g => g.IsEnabled(scenario));
    }

    /// <summary>The groups <paramref name="include"/> picks, in column order.</summary>
    public static MetricLayout Of(Func<MetricGroup, bool> include) => new(MetricColumns.Groups.Where(include));
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// A block of metrics.csv columns that come and go together. An optional group (one with
/// <c>enabledWhen</c>) has its columns in metrics.csv only for scenarios that enable its feature, so
/// a feature can add columns without changing a byte of other scenarios' outputs. Columns are
/// declared as static fields of one class per group, through the factories below, in column order.
/// </summary>
public sealed class MetricGroup(string key, string description, Func<Scenario, bool>? enabledWhen = null)
{
    private readonly List<MetricColumn> _columns = [];

    public string Key { get; } = key;
    public string Description { get; } = description;
    public bool IsOptional => enabledWhen is not null;
    public IReadOnlyList<MetricColumn> Columns => _columns;

    public bool IsEnabled(Scenario scenario) => enabledWhen?.Invoke(scenario) ?? true;

    /// <summary>A stored column; <paramref name="charts"/> is <see cref="ChartGroups.None"/> for one no chart draws.</summary>
    public MetricColumn<T> Declare<T>(string name, MetricUnit unit, string description, ChartSeat[] charts, T defaultValue = default!) =>
        Add(new MetricColumn<T>(this, name, unit, description, charts, defaultValue));

    /// <summary>One stored column per role, in <see cref="Roles.All"/> order (e.g. reward_total_provider … _miner).</summary>
    public PerRole<T> DeclarePerRole<T>(Func<Role, string> name, MetricUnit unit, Func<Role, string> description, Func<Role, ChartSeat[]> charts) =>
        new([.. Roles.All.Select(role => Declare<T>(name(role), unit, description(role), charts(role)))]);

    /// <summary>A column computed from the row's stored values when it is written.</summary>
    public DerivedColumn Derive(string name, MetricUnit unit, string description, ChartSeat[] charts, Func<EpochMetrics, double> read) =>
        Add(new DerivedColumn(this, name, unit, description, charts, read));

    // No check against MetricColumns here: touching it while a group's fields initialise would lay
    // out the columns before the group has declared them all.
    private TColumn Add<TColumn>(TColumn column) where TColumn : MetricColumn
    {
        _columns.Add(column);
        return column;
    }
}

/// <summary>A stored column per role, indexed by <see cref="Role"/>.</summary>
public sealed class PerRole<T>(IReadOnlyList<MetricColumn<T>> columns)
{
    public MetricColumn<T> this[Role role] => columns[(int)role];
    public IReadOnlyList<MetricColumn<T>> All => columns;
}

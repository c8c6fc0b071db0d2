namespace TokenEconSim.Domain.Simulation;

public enum MetricUnit { Count, Tokens, Ratio, Seconds, Flag, Value }

/// <summary>How a stored column's value sits in its 64-bit slot of a row (<see cref="MetricValues"/>).</summary>
public enum SlotKind { Int, Long, Double, Bool, OptionalBool }

/// <summary>
/// One column of metrics.csv, declared once: its name, unit, description, group and charts. The CSV
/// header and cells, the exact-token formatting, the Orleans serialization of a row, the docs check
/// and both chart lists are all read from these declarations (docs/model.md §6, "Adding a metric").
/// </summary>
public abstract class MetricColumn
{
    private protected MetricColumn(MetricGroup group, string name, MetricUnit unit, string description, ChartSeat[] charts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(charts);
        (Group, Name, Unit, Description, Charts) = (group, name, unit, description, charts);
    }

    public MetricGroup Group { get; }
    /// <summary>snake_case column name in metrics.csv.</summary>
    public string Name { get; }
    /// <summary>Token columns hold base units (10⁻⁸ token) and are written in tokens.</summary>
    public MetricUnit Unit { get; }
    public string Description { get; }
    /// <summary>The charts that draw this column; empty for a column declared chart-less (<see cref="ChartGroups.None"/>).</summary>
    public IReadOnlyList<ChartSeat> Charts { get; }

    /// <summary>
    /// Whole base units, written exactly from a long: a double is exact only up to 2^53 base units
    /// (~90 million tokens), which a million agents with 100 tokens each already pass.
    /// </summary>
    public virtual bool IsExactTokens => false;

    /// <summary>The value as a double: counts and flags as numbers, an undefined value as NaN; tokens in base units.</summary>
    public abstract double Read(EpochMetrics row);

    public override string ToString() => Name;
}

/// <summary>A column whose value is stored in a row: a typed slot (see <see cref="MetricValues"/>).</summary>
public abstract class StoredColumn : MetricColumn
{
    private protected StoredColumn(MetricGroup group, string name, MetricUnit unit, string description, ChartSeat[] charts, SlotKind kind,
        long defaultBits)
        : base(group, name, unit, description, charts) => (Kind, DefaultBits) = (kind, defaultBits);

    public SlotKind Kind { get; }
    /// <summary>The slot's content in a new row (e.g. NaN for "undefined until computed").</summary>
    public long DefaultBits { get; }
    /// <summary>Index into a row's values; assigned once by <see cref="MetricColumns"/>, in declaration order.</summary>
    public int Slot { get; internal set; } = -1;

    public override bool IsExactTokens => Unit == MetricUnit.Tokens && Kind == SlotKind.Long;

    public override double Read(EpochMetrics row) => AsDouble(row.RawValue(this));

    public double AsDouble(long bits) => Kind switch
    {
        SlotKind.Double => BitConverter.Int64BitsToDouble(bits),
        SlotKind.OptionalBool => bits < 0 ? double.NaN : bits,
        _ => bits,
    };
}

/// <summary>A stored column of type <typeparamref name="T"/> (int, long, double, bool or bool?): read and set with <c>row[column]</c>.</summary>
public sealed class MetricColumn<T> : StoredColumn
{
    internal MetricColumn(MetricGroup group, string name, MetricUnit unit, string description, ChartSeat[] charts, T defaultValue)
        : base(group, name, unit, description, charts, KindOf(), Encode(defaultValue)) { }

    internal static long Encode(T value) => value switch
    {
        int i => i,
        long l => l,
        double d => BitConverter.DoubleToInt64Bits(d),
        bool b => b ? 1 : 0,
        null => -1, // bool? without a value
        _ => throw new NotSupportedException($"metric type {typeof(T)}"),
    };

    private static SlotKind KindOf() =>
        typeof(T) == typeof(int) ? SlotKind.Int
        : typeof(T) == typeof(long) ? SlotKind.Long
        : typeof(T) == typeof(double) ? SlotKind.Double
        : typeof(T) == typeof(bool) ? SlotKind.Bool
        : typeof(T) == typeof(bool?) ? SlotKind.OptionalBool
        : throw new NotSupportedException($"metric type {typeof(T)}: declare int, long, double, bool or bool?");
}

/// <summary>A column computed from other values of the row when written (e.g. a mean); nothing stored.</summary>
public sealed class DerivedColumn : MetricColumn
{
    private readonly Func<EpochMetrics, double> _read;

    internal DerivedColumn(MetricGroup group, string name, MetricUnit unit, string description, ChartSeat[] charts, Func<EpochMetrics, double> read)
        : base(group, name, unit, description, charts) => _read = read;

    public override double Read(EpochMetrics row) => _read(row);
}

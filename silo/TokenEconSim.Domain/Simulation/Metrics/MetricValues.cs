namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// A row's stored columns, one 64-bit slot each (<see cref="StoredColumn.Slot"/>), read and set through
/// their typed declarations: <c>row[LedgerColumns.Supply]</c>. One array per epoch, so a new column
/// costs no new field, no serializer line and no copy code.
/// </summary>
public abstract record MetricValues
{
    private readonly long[] _values = MetricColumns.NewValues();

    protected MetricValues() { }

    /// <summary>`with` copies the values: a copy set through an indexer must not change the original.</summary>
    protected MetricValues(MetricValues original)
    {
        ArgumentNullException.ThrowIfNull(original);
        _values = (long[])original._values.Clone();
    }

    /// <summary>From serialized values (in <see cref="MetricColumns.Stored"/> order).</summary>
    protected MetricValues(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != MetricColumns.Stored.Count)
            throw new InvalidDataException($"a metrics row has {values.Length} values where this build declares {MetricColumns.Stored.Count}");
        _values = (long[])values.Clone();
    }

    public int this[MetricColumn<int> column] { get => (int)_values[column.Slot]; init => _values[column.Slot] = value; }
    public long this[MetricColumn<long> column] { get => _values[column.Slot]; init => _values[column.Slot] = value; }
    public double this[MetricColumn<double> column]
    {
        get => BitConverter.Int64BitsToDouble(_values[column.Slot]);
        init => _values[column.Slot] = BitConverter.DoubleToInt64Bits(value);
    }
    public bool this[MetricColumn<bool> column] { get => _values[column.Slot] != 0; init => _values[column.Slot] = value ? 1 : 0; }
    public bool? this[MetricColumn<bool?> column]
    {
        get => _values[column.Slot] switch { < 0 => null, 0 => false, _ => true };
        init => _values[column.Slot] = MetricColumn<bool?>.Encode(value);
    }

    /// <summary>The slot's raw content (see <see cref="StoredColumn.AsDouble"/>).</summary>
    public long RawValue(StoredColumn column) => _values[column.Slot];

    /// <summary>A copy of every slot, in <see cref="MetricColumns.Stored"/> order: the row's serialized form.</summary>
    public long[] CopyValues() => (long[])_values.Clone();

    /// <summary>Rows are equal when their slots are (records would compare the array's reference).</summary>
    public virtual bool Equals(MetricValues? other) =>
        other is not null && EqualityContract == other.EqualityContract && _values.AsSpan().SequenceEqual(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(v);
        return hash.ToHashCode();
    }

    /// <summary>Copies the group's slots from <paramref name="source"/> (a part of a row computed elsewhere).</summary>
    private protected void CopyGroup(MetricGroup group, MetricValues source)
    {
        foreach (var column in group.Columns)
            if (column is StoredColumn stored) _values[stored.Slot] = source._values[stored.Slot];
    }
}

namespace TokenEconSim.Domain.Parameters;

/// <summary>A numeric parameter's valid closed range; the scenario validator enforces it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(double min, double max = double.PositiveInfinity) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    /// <summary>When true the minimum itself is not allowed (e.g. a duration must be &gt; 0).</summary>
    public bool MinExclusive { get; init; }
}

public enum SampleDomain { NonNegative, UnitInterval }

/// <summary>Where every sample of a distribution parameter must lie.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SamplesAttribute(SampleDomain domain) : Attribute
{
    public SampleDomain Domain { get; } = domain;
}

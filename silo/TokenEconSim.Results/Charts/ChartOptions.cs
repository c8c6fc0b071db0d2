namespace TokenEconSim.Results.Charts;

/// <summary>
/// What the charts need that the metric rows do not carry. A separate record (not more parameters)
/// so later additions do not break callers of <see cref="RunCharts.Write(IReadOnlyList{Domain.Simulation.EpochMetrics}, string, ChartOptions)"/>.
/// </summary>
/// <param name="TargetBlockTime">Seconds (scenario consensus.target_block_time); NaN = unknown, the block-time histogram then has no target
/// line.</param>
/// <param name="HashrateUnit">The miners' hashrate unit: H/s with real hashing, 2³² H/s with sampled hashing.</param>
public sealed record ChartOptions(double TargetBlockTime = double.NaN, string HashrateUnit = "H/s")
{
    public static ChartOptions Default { get; } = new();
}

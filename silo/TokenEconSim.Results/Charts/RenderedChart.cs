using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>A chart a run declares (<see cref="ChartGroups.Png"/>): its SVG text, or null when its columns hold no data.</summary>
public sealed record RenderedChart(ChartGroup Group, string? Svg);

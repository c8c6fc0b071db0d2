using ScottPlot;
using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// A sweep's sensitivity charts: for a Sobol design, each parameter's first-order and total index as horizontal bars with their
/// 95 % intervals, the most influential parameter on top; for a Morris design, μ* against σ with each parameter named (Morris's
/// own plot: far right matters, high up acts through interactions or non-linearly).
/// </summary>
public static class SensitivityCharts
{
    public static IReadOnlyList<string> WriteSobol(IReadOnlyList<SobolIndex> indices, string metric, string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = RunCharts.NewPlot($"Sobol indices of {metric}", $"Share of the variance of {metric} (bars: 95 % CI)");
        plot.Axes.Title.Label.FontSize = 20; // metric names run long (incentives.provider.cheating_rate)
        var ordered = indices.OrderBy(i => i.Total).ToList(); // bottom to top: the largest total index ends on top
        Color first = Colors.C0, total = Colors.C1;
        var bars = new List<Bar>();
        for (var p = 0; p < ordered.Count; p++)
        {
            bars.Add(new Bar { Position = p - 0.2, Value = ordered[p].First, Error = ordered[p].FirstHalfWidth, Size = 0.38, FillColor = first });
            bars.Add(new Bar { Position = p + 0.2, Value = ordered[p].Total, Error = ordered[p].TotalHalfWidth, Size = 0.38, FillColor = total });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, ordered.Count).Select(p => (double)p)], [.. ordered.Select(i => i.Name)]);
        plot.Axes.Margins(left: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order (alone)", FillColor = first });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total (with interactions)", FillColor = total });
        plot.ShowLegend(Edge.Bottom);
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files);
        return files;
    }

    public static IReadOnlyList<string> WriteMorris(IReadOnlyList<MorrisEffect> effects, string metric, string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = RunCharts.NewPlot($"Morris screening of {metric}", "μ*, mean |elementary effect| over the unit range");
        plot.Axes.Title.Label.FontSize = 20;
        var points = plot.Add.Scatter(effects.Select(e => e.MuStar).ToArray(), effects.Select(e => e.Sigma).ToArray());
        points.LineWidth = 0;
        points.MarkerSize = 10;
        var right = Math.Max(effects.Max(e => e.MuStar), 1e-12) * 1.05;
        var top = Math.Max(effects.Max(e => e.Sigma), 1e-12) * 1.1;
        foreach (var e in effects)
        {
            // Names in the right half read leftwards from their point, so none runs off the plot.
            var leftward = e.MuStar > right / 2;
            var label = plot.Add.Text(e.Name, e.MuStar, e.Sigma);
            label.LabelFontSize = 15;
            label.LabelAlignment = leftward ? Alignment.LowerRight : Alignment.LowerLeft;
            label.OffsetX = leftward ? -8 : 8;
        }
        plot.YLabel("σ of the elementary effects");
        plot.Axes.SetLimits(0, right, 0, top); // μ* and σ are never negative
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files);
        return files;
    }
}

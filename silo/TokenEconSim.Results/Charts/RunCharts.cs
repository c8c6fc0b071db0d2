using ScottPlot;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Charts;

/// <summary>The per-run charts, each saved as PNG (for a glance) and SVG (for papers).</summary>
public static class RunCharts
{
    public const int Width = 1200;
    public const int Height = 700;

    /// <summary>The charts every run with rows gets.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. PngCharts.All.Where(c => c.Meaningful is null).Select(c => c.Group.Key)];

    /// <summary>
    /// Charts drawn only when the run's blocks make them meaningful (<see cref="BlockCharts"/>):
    /// a PoS run has no difficulty, a run without blocks no block times.
    /// </summary>
    public static IReadOnlyList<string> BlockNames { get; } = [BlockCharts.DifficultyHashrate, BlockCharts.BlockTimeHistogram,
        BlockCharts.ProducerConcentration];

    /// <summary>The charts <see cref="Write(IReadOnlyList{EpochMetrics}, string, ChartOptions)"/> draws for these rows, in order.</summary>
    public static IReadOnlyList<string> NamesFor(IReadOnlyList<EpochMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return [];
        return [.. PngCharts.All.Where(c => c.IsMeaningful(rows) && c.HasData(rows)).Select(c => c.Group.Key)];
    }

    /// <summary>As <see cref="Write(IReadOnlyList{EpochMetrics}, string, ChartOptions)"/> without a target block time.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<EpochMetrics> rows, string directory) =>
        Write(rows, directory, ChartOptions.Default);

    /// <summary>
    /// Writes every chart of <see cref="NamesFor"/> into <paramref name="directory"/> (created if
    /// needed) and returns the files. With no rows there is nothing to draw: writes nothing, not even the directory.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<EpochMetrics> rows, string directory, ChartOptions options)
    {
        var files = new List<string>();
        Render(rows, directory, options, files);
        return files;
    }

    /// <summary>
    /// As <see cref="Write(IReadOnlyList{EpochMetrics}, string, ChartOptions)"/>, and returns every chart the rows make meaningful
    /// with its SVG text (the report inlines the same drawing), or without one when its columns hold no data (nothing drawn).
    /// </summary>
    public static IReadOnlyList<RenderedChart> Render(IReadOnlyList<EpochMetrics> rows, string directory, ChartOptions options) =>
        Render(rows, directory, options, []);

    private static List<RenderedChart> Render(IReadOnlyList<EpochMetrics> rows, string directory, ChartOptions options, List<string> files)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (rows.Count == 0) return [];
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        return [.. PngCharts.All.Where(c => c.IsMeaningful(rows)).Select(c => new RenderedChart(c.Group,
            c.HasData(rows) ? Save(c.Draw(rows, options), directory, c.Group.Key, files) : null))];
    }

    internal static Plot SupplyAndInflation(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = NewPlot(ChartGroups.Png.SupplyInflation.Title);
        var scale = TokenScale.For(rows.Select(r => TokenUnits.ToTokens(r.Supply)));
        var supply = AddLine(plot, rows, r => TokenUnits.ToTokens(r.Supply) / scale.Divisor, "Supply");
        plot.YLabel($"Supply ({scale.Unit})");
        var inflation = AddLine(plot, rows, r => r.Inflation * 100, "Inflation per epoch");
        inflation.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Inflation per epoch (%)";
        // Axis titles in their series' colours tell at a glance which line reads on which side.
        plot.Axes.Left.Label.ForeColor = supply.Color;
        plot.Axes.Right.Label.ForeColor = inflation.Color;
        StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    internal static Plot Gini(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = NewPlot(ChartGroups.Png.Gini.Title);
        AddLine(plot, rows, r => r.Gini, legend: null); // one series: no legend
        plot.YLabel("Gini coefficient (0 = equal, 1 = one holder)");
        return plot;
    }

    internal static Plot RewardsPerRole(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = NewPlot(ChartGroups.Png.RewardsPerRole.Title);
        var scale = TokenScale.For(rows.SelectMany(r => Roles.All.Select(role => TokenUnits.ToTokens(r.RewardTotal(role)))));
        foreach (var role in Roles.All)
            AddLine(plot, rows, r => TokenUnits.ToTokens(r.RewardTotal(role)) / scale.Divisor, role.Title());
        plot.YLabel($"Rewards per epoch ({scale.Unit})");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>A plot in the house style; the x axis is the epoch (whole numbers) unless <paramref name="xLabel"/> names another.</summary>
    internal static Plot NewPlot(string title, string? xLabel = null)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 24;
        plot.XLabel(xLabel ?? "Epoch");
        StyleAxis(plot.Axes.Bottom);
        StyleAxis(plot.Axes.Left);
        if (xLabel is null)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            // Epochs start at 0: ScottPlot's default 10 % side margin drew an axis from -2.
            plot.Axes.Margins(horizontal: 0.01, vertical: 0.1);
        }
        plot.Legend.FontSize = 16;
        return plot;
    }

    internal static void StyleAxis(IAxis axis)
    {
        axis.Label.FontSize = 18;
        axis.TickLabelStyle.FontSize = 15;
    }

    /// <summary>One series; undefined (NaN) points are left out rather than breaking the line's scale.</summary>
    internal static ScottPlot.Plottables.Scatter AddLine(Plot plot, IReadOnlyList<EpochMetrics> rows, Func<EpochMetrics, double> y, string? legend)
    {
        var points = rows.Select(r => (X: (double)r.Epoch, Y: y(r))).Where(p => double.IsFinite(p.Y)).ToArray();
        var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        if (legend is not null) line.LegendText = legend;
        line.LineWidth = 2;
        // Markers show single points and short runs; on long runs they would bury the line.
        line.MarkerSize = rows.Count <= 40 ? 6 : 0;
        return line;
    }

    /// <summary>
    /// A line read on the right axis: thin, with open circles. Not dashed: Skia's SVG canvas (the .svg files and report.html) cannot
    /// draw dashes, drew such lines solid, and printed "Unsupported path effect in addPaint." to stderr once per segment.
    /// </summary>
    internal static void StyleSecondary(ScottPlot.Plottables.Scatter line)
    {
        line.LineWidth = 1;
        line.MarkerShape = MarkerShape.OpenCircle;
        line.MarkerSize = 5;
    }

    /// <summary>Saves (and disposes) the plot as PNG, and as SVG unless <paramref name="svg"/> is false; returns the SVG text (or null).</summary>
    internal static string? Save(Plot plot, string directory, string name, List<string> files, bool svg = true)
    {
        using var _ = plot; // a Plot holds native Skia resources
        var png = Path.Combine(directory, name + ".png");
        plot.SavePng(png, Width, Height);
        files.Add(png);
        if (!svg) return null;
        var xml = plot.GetSvgXml(Width, Height);
        var svgPath = Path.Combine(directory, name + ".svg");
        File.WriteAllText(svgPath, xml);
        files.Add(svgPath);
        return xml;
    }
}

using ScottPlot;

namespace TokenEconSim.Results.Charts;

/// <summary>One point of the α-β-γ simplex with a value (a metric's mean over seeds).</summary>
public readonly record struct SimplexValue(double Alpha, double Beta, double Gamma, double Value);

/// <summary>
/// Ternary charts over the reward-weight simplex α + β + γ = 1, drawn as an equilateral triangle:
/// α = 1 bottom left, β = 1 bottom right, γ = 1 at the top (x = β + γ/2, y = γ·√3/2).
/// ScottPlot has no ternary axes, so the triangle, its grid and tick labels are drawn here.
/// </summary>
public static class TernaryCharts
{
    private static readonly double H = Math.Sqrt(3) / 2;

    /// <summary>
    /// A heat map of a grid sweep: each small triangle of the lattice (step 1/n) is filled with the
    /// mean of its three corners' values, on the Viridis scale shown by a colour bar. Grey: undefined.
    /// </summary>
    public static IReadOnlyList<string> WriteHeatMap(IReadOnlyList<SimplexValue> points, int n, string title, string metric,
        string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = NewTriangle(title);
        var values = new Dictionary<(int, int), double>();
        foreach (var p in points) values[(Index(p.Alpha, n), Index(p.Beta, n))] = p.Value;
        var range = RangeOf(values.Values);
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; a + b < n; b++)
            {
                Cell(plot, values, colormap, range, n, (a, b), (a + 1, b), (a, b + 1));
                if (a + b + 2 <= n) Cell(plot, values, colormap, range, n, (a + 1, b), (a, b + 1), (a + 1, b + 1));
            }
        }
        DrawFrame(plot);
        return SaveWithColorBar(plot, colormap, range, ScaleLabel(metric, values.Values), directory, name, Constant(values.Values));
    }

    /// <summary>
    /// The colour bar's label: the metric and the range its colours span, at the digits that tell the ends apart, so a spread of
    /// 0.9655 to 0.9661 painted over the whole scale says how small it is; a metric with one value says so ("constant: 0.966").
    /// </summary>
    internal static string ScaleLabel(string metric, IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return $"{metric}: undefined everywhere";
        var (min, max) = (finite.Min(), finite.Max());
        if (min == max) return $"{metric}: constant {Digits(min, 4)}";
        var digits = 3;
        while (digits < 17 && Digits(min, digits) == Digits(max, digits)) digits++;
        return $"{metric}: {Digits(min, digits)} to {Digits(max, digits)}";
    }

    /// <summary>The one finite value of a flat metric, else null.</summary>
    private static double? Constant(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).Distinct().ToList();
        return finite.Count == 1 ? finite[0] : null;
    }

    private static string Digits(double x, int significant) =>
        x.ToString("G" + significant, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A search path over the simplex: every evaluation in order, joined by a line, coloured by its
    /// value (colour bar), the start marked by a square and the best by a red diamond.
    /// </summary>
    public static IReadOnlyList<string> WritePath(IReadOnlyList<SimplexValue> path, int best, string title, string label,
        string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = NewTriangle(title);
        DrawFrame(plot);
        var xy = path.Select(ToXY).ToArray();
        var line = plot.Add.Scatter(xy.Select(c => c.X).ToArray(), xy.Select(c => c.Y).ToArray());
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        line.Color = Colors.Gray;
        var range = RangeOf(path.Select(p => p.Value));
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var i = 0; i < path.Count; i++)
        {
            var marker = plot.Add.Marker(xy[i]);
            marker.Size = i == best ? 22 : 10;
            marker.Shape = i == best ? MarkerShape.FilledDiamond : i == 0 ? MarkerShape.FilledSquare : MarkerShape.FilledCircle;
            marker.Color = double.IsFinite(path[i].Value) ? colormap.GetColor(range.Normalize(path[i].Value)) : Colors.LightGray;
        }
        if (path.Count > 0)
        {
            // Outlined on top of everything: late evaluations crowd around the best point.
            var ring = plot.Add.Marker(xy[best]);
            ring.Shape = MarkerShape.OpenDiamond;
            ring.Size = 28;
            ring.Color = Colors.Red;
            ring.LineWidth = 3;
            Label(plot, "start", xy[0].X, xy[0].Y - 0.035, 13, Alignment.UpperCenter);
            Label(plot, "best", xy[best].X, xy[best].Y + 0.035, 13, Alignment.LowerCenter);
        }
        return SaveWithColorBar(plot, colormap, range, label, directory, name);
    }

    /// <summary>Adds the colour bar that explains the markers' or cells' colours, then writes the chart's files.</summary>
    /// <param name="constant">A flat metric's value: the bar then has that one tick, not an invented scale around it.</param>
    private static IReadOnlyList<string> SaveWithColorBar(Plot plot, IColormap colormap, ScottPlot.Range range, string label,
        string directory, string name, double? constant = null)
    {
        // On the left: the triangle leaves room there, and on the right ScottPlot drew the rotated title past the image's edge.
        var bar = plot.Add.ColorBar(new ColorAxis(colormap, range), Edge.Left);
        bar.Label = label;
        bar.LabelStyle.FontSize = 18;
        // ScottPlot's default packs a labelled tick every ~30 pixels of the bar (every 0.01, or every 500 tokens).
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.4 };
        if (constant is { } value)
        {
            var one = new ScottPlot.TickGenerators.NumericManual();
            one.AddMajor(value, Digits(value, 4));
            bar.Axis.TickGenerator = one;
        }
        bar.Axis.TickLabelStyle.FontSize = 14;
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files);
        return files;
    }

    public static Coordinates ToXY(SimplexValue p) => new(p.Beta + p.Gamma / 2, p.Gamma * H);

    /// <summary>The values' range for the colour scale; a flat metric gets a unit-wide one so it still maps to a colour.</summary>
    private static ScottPlot.Range RangeOf(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return new ScottPlot.Range(0, 1);
        var (min, max) = (finite.Min(), finite.Max());
        return min == max ? new ScottPlot.Range(min - 0.5, max + 0.5) : new ScottPlot.Range(min, max);
    }

    private static int Index(double weight, int n) => (int)Math.Round(weight * n);

    private static void Cell(Plot plot, Dictionary<(int A, int B), double> values, IColormap colormap, ScottPlot.Range range, int n,
        params (int A, int B)[] corners)
    {
        var vs = corners.Select(c => values.TryGetValue(c, out var v) ? v : double.NaN).ToArray();
        var mean = vs.All(double.IsFinite) ? vs.Average() : double.NaN;
        var polygon = plot.Add.Polygon(corners.Select(c => ToXY(new SimplexValue(c.A / (double)n, c.B / (double)n, 1 - (c.A + c.B) / (double)n,
            0))).ToArray());
        var color = double.IsFinite(mean) ? colormap.GetColor(range.Normalize(mean)) : Colors.LightGray;
        polygon.FillColor = color;
        polygon.LineColor = color; // no seams between cells
        polygon.LineWidth = 1;
    }

    private static Plot NewTriangle(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 22;
        plot.Axes.Frameless();
        plot.Axes.Title.IsVisible = true; // Frameless hides the title with the axes
        plot.HideGrid();
        plot.Axes.SetLimits(-0.12, 1.12, -0.12, H + 0.08);
        plot.Axes.SquareUnits();
        return plot;
    }

    /// <summary>The triangle, grid lines every 0.2 of each weight, tick values along the edges and the corner names.</summary>
    private static void DrawFrame(Plot plot)
    {
        for (var k = 1; k < 5; k++)
        {
            var t = k / 5.0;
            // α = t runs from the bottom edge to the left edge; β = t bottom to right; γ = t left to right.
            GridLine(plot, new(t, 1 - t, 0, 0), new(t, 0, 1 - t, 0));
            GridLine(plot, new(1 - t, t, 0, 0), new(0, t, 1 - t, 0));
            GridLine(plot, new(1 - t, 0, t, 0), new(0, 1 - t, t, 0));
            var text = t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var bottom = ToXY(new(1 - t, t, 0, 0)); // β along the bottom edge
            Label(plot, text, bottom.X, bottom.Y - 0.02, 12, Alignment.UpperCenter);
            var right = ToXY(new(0, 1 - t, t, 0));  // γ along the right edge
            Label(plot, text, right.X + 0.02, right.Y, 12, Alignment.MiddleLeft);
            var left = ToXY(new(t, 0, 1 - t, 0));   // α along the left edge
            Label(plot, text, left.X - 0.02, left.Y, 12, Alignment.MiddleRight);
        }
        var outline = plot.Add.Scatter(new double[] { 0, 1, 0.5, 0 }, new[] { 0, 0, H, 0 });
        outline.MarkerSize = 0;
        outline.LineWidth = 2;
        outline.Color = Colors.Black;
        Label(plot, "α = 1 (data)", 0, -0.06, 16, Alignment.UpperCenter);
        Label(plot, "β = 1 (training)", 1, -0.06, 16, Alignment.UpperCenter);
        Label(plot, "γ = 1 (usage)", 0.5, H + 0.02, 16, Alignment.LowerCenter);
        Label(plot, "β →", 0.5, -0.075, 14, Alignment.UpperCenter);
        Label(plot, "γ →", 0.84, H / 2, 14, Alignment.MiddleLeft);
        Label(plot, "← α", 0.16, H / 2, 14, Alignment.MiddleRight);
    }

    private static void GridLine(Plot plot, SimplexValue from, SimplexValue to)
    {
        var (a, b) = (ToXY(from), ToXY(to));
        var line = plot.Add.Line(a, b);
        line.LineColor = Colors.White.WithAlpha(0.5);
        line.LineWidth = 1;
        line.MarkerSize = 0;
    }

    private static void Label(Plot plot, string text, double x, double y, float size, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelAlignment = alignment;
        label.LabelFontColor = Colors.Black;
    }

    /// <summary>The colour scale of the cells, for the colour bar.</summary>
    private sealed class ColorAxis(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
    {
        public IColormap Colormap => colormap;

        public ScottPlot.Range GetRange() => range;
    }
}

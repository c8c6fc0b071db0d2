using ScottPlot;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>Charts of federated learning (learning.kind: federated): the global model's validation accuracy.</summary>
public static class LearningCharts
{
    public const string ModelAccuracy = "model_accuracy";

    /// <summary>True when the rows come from a run that learns (some epoch has a model accuracy).</summary>
    public static bool IsMeaningful(IReadOnlyList<EpochMetrics> rows) => rows.Any(r => double.IsFinite(r.ModelAccuracy));

    /// <summary>Accuracy (%) per epoch, the rejected updates marked, validation loss on the right axis.</summary>
    internal static Plot Accuracy(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.ModelAccuracy.Title);
        var accuracy = RunCharts.AddLine(plot, rows, r => r.ModelAccuracy * 100, "Validation accuracy");
        plot.YLabel("Validation accuracy (%)");
        plot.Axes.Left.Label.ForeColor = accuracy.Color;
        var rejected = rows.Where(r => r.UpdateAccepted == false).ToArray();
        if (rejected.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(rejected.Select(r => (double)r.Epoch).ToArray(), rejected
                .Select(r => r.ModelAccuracy * 100).ToArray());
            marks.LegendText = "Update rejected";
            marks.MarkerSize = 9;
            marks.MarkerShape = MarkerShape.OpenCircle;
            marks.Color = Colors.Red;
        }
        var loss = RunCharts.AddLine(plot, rows, r => r.ModelLoss, "Validation log-loss");
        loss.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Validation log-loss (nats per sample)";
        plot.Axes.Right.Label.ForeColor = loss.Color;
        RunCharts.StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Validation accuracy of several runs on one chart (e.g. a scenario and its variant), saved as PNG; returns the file.</summary>
    public static string Compare(string title, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs, string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = RunCharts.NewPlot(title);
        plot.YLabel("Validation accuracy (%)");
        foreach (var (label, rows) in runs) RunCharts.AddLine(plot, rows, r => r.ModelAccuracy * 100, label);
        plot.Add.HorizontalLine(50, color: Colors.Gray).LegendText = "chance (50 %)";
        plot.ShowLegend(Edge.Bottom);
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files, svg: false);
        return files[0];
    }
}

using System.Globalization;
using ScottPlot;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// The charts drawn from the run's blocks (<see cref="EpochMetrics.BlockRecords"/>). Each is drawn
/// only when meaningful, so a PoS run has no empty difficulty chart and a blockless run none at all.
/// </summary>
internal static class BlockCharts
{
    public const string DifficultyHashrate = "difficulty_hashrate";
    public const string BlockTimeHistogram = "block_time_histogram";
    public const string ProducerConcentration = "producer_concentration";

    /// <summary>
    /// Producers named on their own bar; the rest share one "others" bar. 16 bars leave ~70 px per
    /// upright tick label, room for six-digit agent ids (rotated labels ran into the axis title).
    /// </summary>
    public const int TopProducers = 15;

    public static bool IsMeaningful(string name, IReadOnlyList<EpochMetrics> rows) => name switch
    {
        // Bits are 0 on PoS/DPoS blocks: only PoW has a difficulty to show.
        DifficultyHashrate => Blocks(rows).Any(b => b.Bits != 0),
        BlockTimeHistogram => Blocks(rows).Skip(1).Any(),
        ProducerConcentration => Blocks(rows).Any(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a block chart"),
    };

    public static Plot Draw(string name, IReadOnlyList<EpochMetrics> rows, ChartOptions options) => name switch
    {
        DifficultyHashrate => DifficultyAndHashrate(rows, options.HashrateUnit),
        BlockTimeHistogram => BlockTimes(rows, options.TargetBlockTime),
        ProducerConcentration => Producers(rows),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a block chart"),
    };

    internal static Plot DifficultyAndHashrate(IReadOnlyList<EpochMetrics> rows, string hashrateUnit = "H/s")
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.DifficultyHashrate.Title);
        var difficultyScale = UnitScale.Plain(rows.Select(r => r.Difficulty));
        var difficulty = RunCharts.AddLine(plot, rows, r => r.Difficulty / difficultyScale.Divisor, "Difficulty");
        plot.YLabel(difficultyScale.Unit.Length == 0 ? "Difficulty" : $"Difficulty ({difficultyScale.Unit})");
        var hashScale = UnitScale.Si(rows.SelectMany(r => new[] { r.Hashrate, r.HashrateEstimated }), hashrateUnit);
        var truth = RunCharts.AddLine(plot, rows, r => r.Hashrate / hashScale.Divisor, "True hashrate");
        var estimate = RunCharts.AddLine(plot, rows, r => r.HashrateEstimated / hashScale.Divisor, "Estimated hashrate (from blocks)");
        // The estimate often lies on the true line and must still show there: a wide true line under a
        // thin estimate. (Not dashes: SkiaSharp's SVG canvas cannot draw them and prints a warning.)
        truth.LineWidth = 5;
        estimate.LineWidth = 1.5f;
        truth.Axes.YAxis = plot.Axes.Right;
        estimate.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = $"Hashrate ({hashScale.Unit})";
        plot.Axes.Left.Label.ForeColor = difficulty.Color;
        plot.Axes.Right.Label.ForeColor = truth.Color;
        RunCharts.StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    internal static Plot BlockTimes(IReadOnlyList<EpochMetrics> rows, double target)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.BlockTimeHistogram.Title, "Seconds between consecutive blocks");
        var intervals = Intervals(rows);
        var bins = Bins(intervals, out var min, out var width);
        var color = plot.Add.Palette.GetColor(0);
        var bars = plot.Add.Bars(bins.Select((count, i) => new Bar
        {
            Position = min + (i + 0.5) * width,
            Value = count,
            Size = width,
            LineWidth = 0,
            FillColor = color,
        }).ToList());
        bars.LegendText = $"Block intervals (n = {intervals.Count.ToString(CultureInfo.InvariantCulture)})";
        if (double.IsFinite(target) && target > 0)
        {
            var line = plot.Add.VerticalLine(target, 2, Colors.Red); // solid: see the note on dashes above
            line.LegendText = $"Target block time ({target.ToString("0.###", CultureInfo.InvariantCulture)} s)";
        }
        plot.YLabel("Blocks");
        plot.Axes.Margins(bottom: 0); // bars stand on the axis
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    internal static Plot Producers(IReadOnlyList<EpochMetrics> rows)
    {
        var shares = ProducerShares(rows);
        var top = shares.Take(TopProducers).ToList();
        var others = shares.Skip(TopProducers).ToList();
        var plot = RunCharts.NewPlot(ChartGroups.Png.ProducerConcentration.Title, others.Count == 0
            ? "Producer (agent id)"
            : $"Producer (agent id): the top {TopProducers} by blocks, then the other "
                + $"{others.Count.ToString(CultureInfo.InvariantCulture)} together");
        var color = plot.Add.Palette.GetColor(0);
        var bars = top.Select((p, i) => new Bar { Position = i, Value = p.Share * 100, Size = 0.8, FillColor = color }).ToList();
        var labels = top.Select(p => p.Producer.ToString(CultureInfo.InvariantCulture)).ToList();
        if (others.Count > 0)
        {
            bars.Add(new Bar { Position = top.Count, Value = others.Sum(p => p.Share) * 100, Size = 0.8, FillColor = Colors.Gray });
            labels.Add("others");
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.YLabel("Share of the run's blocks (%)");
        plot.Axes.Margins(bottom: 0);
        // The Nakamoto coefficients as text, not a second plot: one chart, read at a glance.
        var note = plot.Add.Annotation(NakamotoNote(rows, shares), Alignment.UpperRight);
        note.LabelFontSize = 16;
        note.LabelBackgroundColor = Colors.White;
        note.LabelBorderColor = Colors.Gray;
        note.LabelShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>Every block of the run, epoch after epoch, in the rows' order.</summary>
    internal static IEnumerable<BlockRecord> Blocks(IReadOnlyList<EpochMetrics> rows) => rows.SelectMany(r => r.BlockRecords);

    /// <summary>Differences between consecutive block times across the whole run (epoch boundaries included).</summary>
    internal static List<double> Intervals(IReadOnlyList<EpochMetrics> rows)
    {
        var intervals = new List<double>();
        double? previous = null;
        foreach (var block in Blocks(rows))
        {
            if (previous is { } p) intervals.Add(block.Time - p);
            previous = block.Time;
        }
        return intervals;
    }

    /// <summary>
    /// Equal-width bins from 0 (or the least interval, if negative) to the largest: about √n bins,
    /// 10 to 60, so small runs are not spiky and large ones are not coarse.
    /// </summary>
    internal static int[] Bins(IReadOnlyList<double> values, out double min, out double width)
    {
        min = Math.Min(0, values.Min());
        var max = values.Max();
        var count = Math.Clamp((int)Math.Ceiling(Math.Sqrt(values.Count)), 10, 60);
        width = max > min ? (max - min) / count : 1;
        var bins = new int[count];
        foreach (var v in values)
            bins[Math.Min(count - 1, (int)((v - min) / width))]++; // the largest value closes the last bin
        return bins;
    }

    /// <summary>Producers by share of the run's blocks, largest first; ties by id so the chart is reproducible.</summary>
    internal static List<(int Producer, double Share)> ProducerShares(IReadOnlyList<EpochMetrics> rows)
    {
        var counts = Blocks(rows).GroupBy(b => b.ProducerId).Select(g => (Producer: g.Key, Count: g.Count())).ToList();
        double total = counts.Sum(c => c.Count);
        return [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Producer).Select(c => (c.Producer, c.Count / total))];
    }

    /// <summary>Fewest producers with more than half the run's blocks, and the per-epoch coefficients' range.</summary>
    internal static string NakamotoNote(IReadOnlyList<EpochMetrics> rows, List<(int Producer, double Share)> shares)
    {
        var lines = new List<string> { $"Nakamoto coefficient, blocks of the run: {BlockNakamoto(shares)}" };
        AddRange(lines, "hashrate", rows.Select(r => r.NakamotoHashrate));
        AddRange(lines, "stake", rows.Select(r => r.NakamotoStake));
        return string.Join('\n', lines);

        static void AddRange(List<string> lines, string what, IEnumerable<int> perEpoch)
        {
            var values = perEpoch.Where(v => v > 0).ToList(); // 0 = that consensus is not in use
            if (values.Count == 0) return;
            var (lo, hi) = (values.Min(), values.Max());
            lines.Add(lo == hi ? $"Nakamoto coefficient, {what}: {lo} every epoch" : $"Nakamoto coefficient, {what}: {lo} to {hi} per epoch");
        }
    }

    internal static int BlockNakamoto(List<(int Producer, double Share)> shares)
    {
        double sum = 0;
        for (var i = 0; i < shares.Count; i++)
            if ((sum += shares[i].Share) > 0.5) return i + 1;
        return shares.Count;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenEconSim.Silo.Tests.Support;

/// <summary>A run's results folder as found on disk.</summary>
internal sealed partial class RunOutput
{
    private RunOutput(string folder) => Folder = folder;

    public string Folder { get; }

    public string MetricsPath => Path.Combine(Folder, "metrics.csv");
    public string SummaryPath => Path.Combine(Folder, "summary.json");
    public string ScenarioPath => Path.Combine(Folder, "scenario.yaml");

    public byte[] MetricsBytes => File.ReadAllBytes(MetricsPath);
    public byte[] SummaryBytes => File.ReadAllBytes(SummaryPath);
    public byte[] ReportBytes => File.ReadAllBytes(Path.Combine(Folder, "report.html"));

    /// <summary>metrics.csv data rows (header excluded).</summary>
    public IReadOnlyList<string> MetricRows
    {
        get
        {
            var text = File.ReadAllText(MetricsPath);
            Assert.EndsWith("\n", text);
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("run_id,epoch,", lines[0]);
            return lines[1..];
        }
    }

    /// <summary>A metrics.csv column as numbers, one per epoch; an empty cell (a mean over no agents) reads as NaN.</summary>
    public List<double> Column(string name)
    {
        var lines = File.ReadAllLines(MetricsPath);
        var at = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(at >= 0, $"metrics.csv has no column {name}");
        return [.. lines.Skip(1).Select(l => l.Split(',')[at])
            .Select(c => c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Asserts that <paramref name="parent"/> holds exactly one entry, a folder named
    /// &lt;runName&gt;-&lt;yyyyMMdd-HHmmss&gt; (so no hidden temporary folder either), and returns it.
    /// </summary>
    public static RunOutput Single(string parent, string runName)
    {
        var entries = Directory.GetFileSystemEntries(parent);
        Assert.True(entries.Length == 1,
            $"{parent} should hold exactly one results folder, holds: {string.Join(", ", entries.Select(Path.GetFileName))}");
        var folder = entries[0];
        Assert.True(Directory.Exists(folder), $"{folder} is not a folder");
        var match = FolderName().Match(Path.GetFileName(folder));
        Assert.True(match.Success && match.Groups["name"].Value == runName,
            $"'{Path.GetFileName(folder)}' is not {runName}-<yyyyMMdd-HHmmss>");
        return new RunOutput(folder);
    }

    /// <summary>The UTC time in the folder name.</summary>
    public DateTime Timestamp =>
        DateTime.ParseExact(FolderName().Match(Path.GetFileName(Folder)).Groups["ts"].Value, "yyyyMMdd-HHmmss",
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [GeneratedRegex(@"^(?<name>.+)-(?<ts>\d{8}-\d{6})$")]
    private static partial Regex FolderName();
}

using System.Globalization;
using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;
using TokenEconSim.Silo.Tests.Sweeps;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo compare A B --seeds n`: both scenarios on the same seeds, each metric's B − A paired by seed and unpaired.</summary>
[Collection(SweepCollection.Name)]
public sealed class CompareScenariosCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EachMetricsDifferenceIsTheMeanOfItsPerSeedDifferencesWithAPairedIntervalNarrowerThanTheUnpaired()
    {
        var a = SweepFiles.Base(_dir, epochs: 4);
        var b = _dir.Write("more-burn.yaml", "extends: base.yaml\ntoken:\n  fee_burn_fraction: 0.9\n");

        var result = await SiloCli.InvokeAsync("compare", a, b, "--seeds", "4", "--out", _dir.Sub("compare"), "--quiet");

        CliAssert.Exit(0, result);
        Assert.Matches(@"[/\\]base-vs-more-burn-\d{8}-\d{6}$", result.ResultsFolder);
        var rows = SweepCommandTests.Csv(Path.Combine(result.ResultsFolder, "comparison.csv"));
        Assert.Equal(["metric", "pairs", "mean_a", "mean_b", "difference", "paired_ci95_low", "paired_ci95_high", "unpaired_ci95_low",
            "unpaired_ci95_high", "width_ratio"], rows[0].Keys);
        var supply = rows.Single(r => r["metric"] == "final_supply");
        var differences = Enumerable.Range(1, 4).Select(s => Supply(result.ResultsFolder, "b", s) - Supply(result.ResultsFolder, "a", s)).ToList();
        Assert.Equal(differences.Average(), D(supply["difference"]), 6);
        Assert.Equal("4", supply["pairs"]);
        // Burning more of the same fees lowers every seed's supply by a similar amount: the seeds' noise cancels in the pairs.
        Assert.All(differences, d => Assert.True(d < 0));
        Assert.True(D(supply["width_ratio"]) < 0.5, $"paired over unpaired width: {supply["width_ratio"]}");
        Assert.True(D(supply["paired_ci95_high"]) < 0, "the paired interval excludes zero");
        Assert.Contains("final_supply", result.Out);
        Assert.Contains("width ratio", result.Out);
    }

    [Fact]
    public async Task BadFilesAndTooFewSeedsAreRefusedBeforeAnyRun()
    {
        var a = SweepFiles.Base(_dir);
        var bad = _dir.Write("bad.yaml", "extends: base.yaml\ntoken:\n  fee_burn_fraction: 2\n");

        var invalid = await SiloCli.InvokeAsync("compare", a, bad, "--seeds", "2", "--out", _dir.Sub("compare"));
        CliAssert.Exit(2, invalid);
        CliAssert.NoStackTrace(invalid);
        Assert.Contains("bad.yaml:3:", invalid.Err);
        Assert.False(Directory.Exists(_dir.Sub("compare")) && Directory.EnumerateFileSystemEntries(_dir.Sub("compare")).Any());

        var missing = await SiloCli.InvokeAsync("compare", a, _dir.Sub("nope.yaml"), "--seeds", "2");
        CliAssert.Exit(2, missing);
        var oneSeed = await SiloCli.InvokeAsync("compare", a, a, "--seeds", "1");
        CliAssert.Exit(2, oneSeed);
        Assert.Contains("--seeds", oneSeed.Err);
    }

    private static double Supply(string folder, string side, int seed)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", $"{side}-s{seed}", "summary.json")));
        return json.RootElement.GetProperty("final_supply").GetDouble();
    }

    private static double D(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}

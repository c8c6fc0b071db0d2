using System.Globalization;
using System.Text.Json;
using TokenEconSim.Experiments.Sensitivity;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>Sampled sweep designs end to end: sobol and morris sweeps write sensitivity.csv from points.csv's means, and charts.</summary>
[Collection(SweepCollection.Name)]
public sealed class SensitivitySweepTests : IDisposable
{
    private const string Ranges = "  parameters:\n    token.emission_per_epoch: {low: 2000, high: 20000}\n"
        + "    token.fee_burn_fraction: {low: 0.1, high: 0.9}\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ASobolSweepsIndicesAreThoseOfItsPointsMeansInDesignOrder()
    {
        SweepFiles.Base(_dir);
        var file = SweepFiles.Sweep(_dir, "sobol.yaml", "  mode: sobol\n" + Ranges + "  samples: 8\n  seeds: 1\n");

        var result = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("sweeps"), "--parallel", "4", "--quiet");

        CliAssert.Exit(0, result);
        var folder = result.ResultsFolder;
        var points = SweepCommandTests.Csv(Path.Combine(folder, "points.csv"));
        Assert.Equal(8 * 4, points.Count);
        var rows = SweepCommandTests.Csv(Path.Combine(folder, "sensitivity.csv"));
        Assert.Equal(["metric", "parameter", "first_order", "first_order_ci95_low", "first_order_ci95_high", "total", "total_ci95_low",
            "total_ci95_high"], rows[0].Keys);
        ParameterRange[] ranges = [new("token.emission_per_epoch", 2000, 20000), new("token.fee_burn_fraction", 0.1, 0.9)];
        var supply = SobolIndices.Analyze(new SaltelliDesign(2, 8), ranges, [.. points.Select(p => D(p["final_supply_mean"]))]);
        var written = rows.Where(r => r["metric"] == "final_supply").ToList();
        Assert.Equal(["token.emission_per_epoch", "token.fee_burn_fraction"], written.Select(r => r["parameter"]));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(supply[i].First, D(written[i]["first_order"]));
            Assert.Equal(supply[i].Total, D(written[i]["total"]));
            Assert.Equal(supply[i].Total - supply[i].TotalHalfWidth, D(written[i]["total_ci95_low"]));
        }
        // The supply is minted emission: the emission explains most of its variance, the burn share far less.
        Assert.True(supply[0].Total > 0.5 && supply[0].Total > 3 * supply[1].Total, $"S_T = {supply[0].Total}, {supply[1].Total}");
        Assert.True(new FileInfo(Path.Combine(folder, "charts", "sensitivity_final_supply.png")).Length > 10_000);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")));
        Assert.Equal("sobol", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal("sobol over 2 parameters, N = 8", json.RootElement.GetProperty("design").GetString());
    }

    [Fact]
    public async Task AMorrisSweepWritesEffectsAndAnLhsSweepWritesNone()
    {
        SweepFiles.Base(_dir);
        var morris = await SiloCli.InvokeAsync("sweep", SweepFiles.Sweep(_dir, "morris.yaml", "  mode: morris\n" + Ranges + "  samples: 4\n"),
            "--out", _dir.Sub("sweeps"), "--parallel", "4", "--quiet");
        CliAssert.Exit(0, morris);
        var rows = SweepCommandTests.Csv(Path.Combine(morris.ResultsFolder, "sensitivity.csv"));
        Assert.Equal(["metric", "parameter", "mu", "mu_star", "mu_star_ci95_low", "mu_star_ci95_high", "sigma"], rows[0].Keys);
        var supply = rows.Where(r => r["metric"] == "final_supply").ToList();
        Assert.True(D(supply[0]["mu_star"]) > D(supply[1]["mu_star"]), "the emission moves the supply more than the burn share");
        Assert.All(supply, r => Assert.True(D(r["mu_star"]) >= Math.Abs(D(r["mu"])) - 1e-9));

        var lhs = await SiloCli.InvokeAsync("sweep", SweepFiles.Sweep(_dir, "lhs.yaml", "  mode: lhs\n" + Ranges + "  samples: 6\n"),
            "--out", _dir.Sub("sweeps"), "--parallel", "4");
        CliAssert.Exit(0, lhs);
        Assert.Equal(6, SweepCommandTests.Csv(Path.Combine(lhs.ResultsFolder, "points.csv")).Count);
        Assert.False(File.Exists(Path.Combine(lhs.ResultsFolder, "sensitivity.csv")));
        Assert.Contains("no charts: an lhs design has no chart", lhs.Out);
    }

    private static double D(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}

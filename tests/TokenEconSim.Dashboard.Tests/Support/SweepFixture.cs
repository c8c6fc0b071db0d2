namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>A small sweep folder as `silo sweep` writes it (sweep.json, points.csv, charts/*.png), made by the test.</summary>
internal static class SweepFixture
{
    /// <summary>A valid 1×1 PNG, for tests that only check bytes are served.</summary>
    public static readonly byte[] TinyPng =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string PointsCsv = """
        alpha,beta,gamma,runs,final_gini_mean,final_gini_std,final_gini_ci95_low,final_gini_ci95_high
        0.2,0.4,0.4,3,0.48,0.011,0.455,0.505
        0.4,0.3,0.3,3,0.51,0.009,0.49,0.53
        0.6,0.2,0.2,3,0.55,0.013,0.52,0.58
        """;

    public static string Write(string sweepsFolder, string id, byte[] png)
    {
        var folder = Path.Combine(sweepsFolder, id);
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        File.WriteAllText(Path.Combine(folder, "sweep.json"), """
            {"name": "weights", "base_scenario": "baseline", "mode": "simplex", "points": 3, "seeds": [1, 2, 3],
             "runs_total": 9, "runs_complete": 9, "metrics": ["final_gini"], "objective": "minimize final_gini",
             "best": {"alpha": 0.2, "beta": 0.4, "gamma": 0.4, "final_gini_mean": 0.48}}
            """);
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), "extends: baseline.yaml\n");
        File.WriteAllText(Path.Combine(folder, "points.csv"), PointsCsv + "\n");
        File.WriteAllBytes(Path.Combine(folder, "charts", "final_gini-ternary.png"), png);
        return folder;
    }
}

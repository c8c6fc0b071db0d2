namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>A small sweep folder as `silo sweep` writes it (sweep.json, points.csv, charts/*.png), made by the test.</summary>
internal static class SweepFixture
{
    /// <summary>A valid 1×1 PNG, for tests that only check bytes are served.</summary>
    public static readonly byte[] TinyPng =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>points.csv as PointsCsv writes it: point, the parameters, seeds, then mean, std and 95 % CI per metric.</summary>
    public static readonly string PointsCsv = string.Join("\n",
        "point,alpha,beta,gamma,seeds," + Stats("final_gini") + "," + Stats("final_supply") + "," + Stats("objective"),
        "0,0.2,0.4,0.4,3,0.48,0.011,0.455,0.505,1000250.5,10,975.5,1025.5,-0.48,0.011,-0.505,-0.455",
        "1,0.4,0.3,0.3,3,0.51,0.009,0.49,0.53,1000100.25,12,970,1030,-0.51,0.009,-0.53,-0.49",
        "2,0.6,0.2,0.2,3,0.455,0.013,0.42,0.49,1000300,9,980,1020,-0.455,0.013,-0.49,-0.42");

    private static string Stats(string metric) => $"{metric}_mean,{metric}_std,{metric}_ci95_low,{metric}_ci95_high";

    public static string Write(string sweepsFolder, string id, byte[] png)
    {
        var folder = Path.Combine(sweepsFolder, id);
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        File.WriteAllText(Path.Combine(folder, "sweep.json"), """
            {"name": "weights", "sweep_file": "sweep-weights.yaml", "base_scenario": "baseline", "mode": "grid",
             "parameters": ["alpha", "beta", "gamma"], "simplex_step": 0.2, "points": 3, "seeds": [1, 2, 3],
             "runs_total": 9, "runs_complete": 9, "metrics": ["final_gini", "final_supply"],
             "objective": "maximize -final_gini",
             "best": {"point": 2, "parameters": {"alpha": "0.6", "beta": "0.2", "gamma": "0.2"}, "seeds": 3,
                      "objective_mean": -0.455, "objective_ci95_low": -0.49, "objective_ci95_high": -0.42}}
            """);
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), "extends: baseline.yaml\n");
        File.WriteAllText(Path.Combine(folder, "points.csv"), PointsCsv + "\n");
        File.WriteAllBytes(Path.Combine(folder, "charts", "final_gini-ternary.png"), png);
        return folder;
    }
}

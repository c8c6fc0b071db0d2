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

    /// <summary>The two ranges of the sensitivity and Pareto fixtures' sweep.yaml (a file the sweep loader reads as written).</summary>
    private const string Ranges = "  parameters:\n    token.emission_per_epoch: {low: 1000, high: 3000}\n"
        + "    populations.users.count: {low: 10, high: 20}\n";

    /// <summary>A Sobol sweep's folder (N = 4, 2 parameters: 16 points) with sensitivity.csv and one sensitivity chart.</summary>
    public static string WriteSensitivity(string sweepsFolder, string id, byte[] png)
    {
        var folder = Common(sweepsFolder, id, "sobol", "sobol over 2 parameters, N = 4", 16, "run:\n  epochs: 3\nsweep:\n  mode: sobol\n" + Ranges
            + "  samples: 4\n  seeds: 1\n");
        File.WriteAllText(Path.Combine(folder, "sensitivity.csv"), string.Join("\n",
            string.Join(",", Results.Sweeps.SensitivityCsv.SobolColumns),
            "final_gini,token.emission_per_epoch,0.62,0.41,0.83,0.7,0.52,0.88",
            "final_gini,populations.users.count,0.21,0.05,0.37,0.3,0.12,0.48", ""));
        File.WriteAllBytes(Path.Combine(folder, "charts", "sensitivity_final_gini.png"), png);
        return folder;
    }

    /// <summary>
    /// A Pareto tune's folder (2 parameters, 2 objectives, 4 points, seeds 1 and 2) with pareto.csv: points 0 and 2 on the front,
    /// 1 dominated by 0, 3 by 2.
    /// </summary>
    public static string WritePareto(string sweepsFolder, string id, byte[] png)
    {
        var folder = Common(sweepsFolder, id, "pareto", "pareto over 2 parameters, 2 objectives, population 4, 8 evaluations, seed 1", 4,
            "run:\n  epochs: 3\nsweep:\n  mode: pareto\n" + Ranges + "  objectives:\n    - {metric: final_gini, goal: minimize}\n"
            + "    - {metric: mean_inflation, goal: target, target: 0.05}\n  population: 4\n  evaluations: 8\n  seeds: 2\n", "[1, 2]");
        File.WriteAllText(Path.Combine(folder, "pareto.csv"), string.Join("\n",
            "point,token.emission_per_epoch,populations.users.count,final_gini_mean,final_gini_ci95_low,final_gini_ci95_high,"
                + "mean_inflation_mean,mean_inflation_ci95_low,mean_inflation_ci95_high,rank,crowding,on_front",
            "0,1200.5,12,0.40,0.38,0.42,0.09,0.088,0.092,1,inf,true",
            "1,2900.25,19,0.45,0.43,0.47,0.095,0.093,0.097,2,inf,false",
            "2,2100,15,0.50,0.48,0.52,0.052,0.05,0.054,1,inf,true",
            "3,1800,11,0.55,0.53,0.57,0.06,0.058,0.062,2,inf,false", ""));
        File.WriteAllBytes(Path.Combine(folder, "charts", "pareto.png"), png);
        return folder;
    }

    private static string Common(string sweepsFolder, string id, string mode, string design, int points, string yaml, string seeds = "[1]")
    {
        var folder = Path.Combine(sweepsFolder, id);
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        File.WriteAllText(Path.Combine(folder, "sweep.json"), $$"""
            {"name": "{{id}}", "sweep_file": "{{mode}}.yaml", "base_scenario": "baseline", "mode": "{{mode}}", "design": "{{design}}",
             "parameters": ["token.emission_per_epoch", "populations.users.count"], "simplex_step": null, "points": {{points}},
             "seeds": {{seeds}}, "runs_total": {{points}}, "runs_complete": {{points}}, "status": "complete", "metrics": ["final_gini"],
             "objective": null, "best": null, "charts": [], "version": "test"}
            """);
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), yaml);
        File.WriteAllText(Path.Combine(folder, "points.csv"), "point,token.emission_per_epoch,populations.users.count,seeds,"
            + "final_gini_mean,final_gini_std,final_gini_ci95_low,final_gini_ci95_high\n0,1200.5,12,1,0.4,,,\n");
        return folder;
    }
}

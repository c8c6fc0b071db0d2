using System.Text;
using System.Text.Json;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// sweep.json: what a sweep folder holds, for people and for the dashboard's list of sweeps.
/// Keys: name, sweep_file, base_scenario, mode (grid|zip|lhs|sobol|morris|tune|pareto), design (sampled designs
/// and pareto), parameters, simplex_step, points,
/// seeds, runs_total, runs_complete, status (running|interrupted|complete), metrics, objective, objectives (pareto),
/// best (the point with the best mean objective: point, parameters, objective mean and 95 % CI), charts, version; on a cluster
/// (--cluster postgres) also runs_per_silo (this start's runs by the silo that finished each) and recoveries.
/// </summary>
public sealed record SweepReport(
    string Name,
    string SweepFile,
    string BaseScenario,
    string Mode,
    IReadOnlyList<string> Parameters,
    decimal? SimplexStep,
    int Points,
    IReadOnlyList<long> Seeds,
    int RunsTotal,
    int RunsComplete,
    string Status,
    IReadOnlyList<string> Metrics,
    SweepObjective? Objective,
    PointResult? Best,
    int BestColumn,
    IReadOnlyList<string> Charts,
    string Version)
{
    /// <summary>A sampled design in words (e.g. "sobol over 6 parameters, N = 32"); absent for grid, zip and tune.</summary>
    public string? Design { get; init; }

    /// <summary>On a cluster: runs_per_silo and recoveries; absent from an embedded sweep's sweep.json.</summary>
    public SiloPlacement? Placement { get; init; }

    /// <summary>A Pareto tune's objectives in words (e.g. "final_gini ↓ (minimize)"); absent otherwise.</summary>
    public IReadOnlyList<string>? Objectives { get; init; }

    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true, NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        }))
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.WriteString("sweep_file", SweepFile);
            w.WriteString("base_scenario", BaseScenario);
            w.WriteString("mode", Mode);
            if (Design is not null) w.WriteString("design", Design);
            Strings(w, "parameters", Parameters);
            if (SimplexStep is { } step) w.WriteNumber("simplex_step", step);
            else w.WriteNull("simplex_step");
            w.WriteNumber("points", Points);
            w.WriteStartArray("seeds");
            foreach (var s in Seeds) w.WriteNumberValue(s);
            w.WriteEndArray();
            w.WriteNumber("runs_total", RunsTotal);
            w.WriteNumber("runs_complete", RunsComplete);
            w.WriteString("status", Status);
            Strings(w, "metrics", Metrics);
            if (Objective is null) w.WriteNull("objective");
            else w.WriteString("objective", Objective.Describe());
            if (Objectives is not null) Strings(w, "objectives", Objectives);
            if (Best is null) w.WriteNull("best");
            else
            {
                var s = Best.Stats[BestColumn];
                w.WriteStartObject("best");
                w.WriteNumber("point", Best.Point);
                w.WriteStartObject("parameters");
                foreach (var p in Best.Parameters) w.WriteString(p.Key, p.Value);
                w.WriteEndObject();
                w.WriteNumber("seeds", Best.Seeds);
                Number(w, "objective_mean", s.Mean);
                Number(w, "objective_ci95_low", s.Low);
                Number(w, "objective_ci95_high", s.High);
                w.WriteEndObject();
            }
            Strings(w, "charts", Charts);
            w.WriteString("version", Version);
            if (Placement is not null) WritePlacement(w, Placement);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WritePlacement(Utf8JsonWriter w, SiloPlacement placement)
    {
        w.WriteStartObject("runs_per_silo");
        foreach (var (silo, runs) in placement.RunsPerSilo) w.WriteNumber(silo, runs);
        w.WriteEndObject();
        w.WriteNumber("recoveries", placement.Recoveries);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double x)
    {
        if (double.IsFinite(x)) w.WriteNumber(name, x);
        else w.WriteNull(name);
    }
}

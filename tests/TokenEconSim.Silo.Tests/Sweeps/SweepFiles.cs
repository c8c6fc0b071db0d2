using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>A small base scenario (the baseline at 104 agents, few epochs) and sweep files over it, written into a test's folder.</summary>
internal static class SweepFiles
{
    public static string Base(TempDir dir, int epochs = 3) => dir.Write("base.yaml", $$"""
        extends: {{Repo.Scenario("baseline.yaml")}}
        run:
          epochs: {{epochs}}
        populations:
          data_providers: {count: 40}
          trainers: {count: 20}
          users: {count: 30}
          validators: {count: 7}
          miners: {count: 7}
        outputs:
          charts: false
        """);

    /// <summary>`extends: base.yaml` plus a sweep section (indented two spaces under `sweep:`).</summary>
    public static string Sweep(TempDir dir, string name, string section) =>
        dir.Write(name, "extends: base.yaml\nsweep:\n" + section);

    public const string Objective = """
          objective:
            goal: minimize
            terms:
              - metric: final_gini
              - metric: mean_inflation
                weight: 2
                target: 0.1

        """;
}

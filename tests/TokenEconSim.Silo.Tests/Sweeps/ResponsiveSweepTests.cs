using System.Globalization;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// The reward weights change what a responding economy does (docs/model.md §17): over the simplex, in
/// shares mode, providers take part as α rises and trainers as β does, and `silo tune` on a
/// participation-less-inequality objective ends inside the simplex, not at a corner.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class ResponsiveSweepTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ProvidersFollowAlphaAndTrainersFollowBeta()
    {
        var points = await AssertParticipationFollowsTheWeights(Sweep("  simplex: {step: 0.5}\n  seeds: 1\n"));
        double Providers(string alpha) =>
            points.Where(p => p["rewards.alpha"] == alpha).Average(p => Number(p["incentives.provider.active_mean_mean"]));
        Assert.True(Providers("1") > Providers("0.5"), Table(points)); // the synthetic economy's providers are far from their maximum
    }

    /// <summary>
    /// The same under real federated learning (incentives.yaml at the size and pool of scenarios/sweep-simplex.yaml): providers
    /// also submit more careful batches as α rises, which is what makes the model's accuracy follow α there (docs/model.md §17.10).
    /// </summary>
    [Fact]
    public async Task UnderFederatedLearningProvidersFollowAlphaWithMoreCarefulBatches()
    {
        var file = _dir.Write("federated.yaml", $$"""
            extends: {{Repo.Scenario("incentives.yaml")}}
            run:
              epochs: 40
            token:
              emission_per_epoch: 2250
            populations:
              data_providers: {count: 45}
              trainers: {count: 15}
              users: {count: 26}
              miners: {count: 7}
            behaviour:
              data_providers: {max_count: 68}
              trainers: {max_count: 23}
            outputs:
              charts: false
            sweep:
              simplex: {step: 0.5}
              seeds: 1
            """);
        var points = await AssertParticipationFollowsTheWeights(file);
        double Effort(string alpha) => points.Where(p => p["rewards.alpha"] == alpha).Average(p => Number(p["incentives.provider.effort_mean_mean"]));
        Assert.True(Effort("1") > Effort("0") + 0.1, $"provider effort {Effort("0")} at alpha 0, {Effort("1")} at alpha 1");
    }

    /// <summary>Runs the sweep; providers take part more at α 0.5 and 1 than at 0, trainers at β 0.5 and 1 than at 0.</summary>
    private async Task<List<Dictionary<string, string>>> AssertParticipationFollowsTheWeights(string file)
    {
        var result = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("sweeps"), "--quiet");

        CliAssert.Exit(0, result);
        var points = SweepCommandTests.Csv(Path.Combine(result.ResultsFolder, "points.csv"));
        double Active(string role, string key, string weight) =>
            points.Where(p => p[$"rewards.{key}"] == weight).Average(p => Number(p[$"incentives.{role}.active_mean_mean"]));
        Assert.True(Active("provider", "alpha", "1") > Active("provider", "alpha", "0"), Table(points));
        Assert.True(Active("provider", "alpha", "0.5") > Active("provider", "alpha", "0"), Table(points));
        Assert.True(Active("trainer", "beta", "0.5") > Active("trainer", "beta", "0"), Table(points));
        Assert.True(Active("trainer", "beta", "1") > Active("trainer", "beta", "0"), Table(points));
        return points;
    }

    [Fact]
    public async Task TuneFindsWeightsInsideTheSimplex()
    {
        var file = Sweep("  seeds: 1\n");

        var result = await SiloCli.InvokeAsync("tune", file, "--out", _dir.Sub("sweeps"), "--max-evals", "16", "--quiet");

        CliAssert.Exit(0, result);
        var path = SweepCommandTests.Csv(Path.Combine(result.ResultsFolder, "tune.csv"));
        var best = path.MaxBy(e => Number(e["objective_mean"]))!;
        var weights = new[] { "alpha", "beta", "gamma" }.Select(k => Number(best[$"rewards.{k}"])).ToArray();
        // At a corner or an edge one role is paid nothing and stops taking part: the objective is lower there.
        Assert.True(weights.All(w => w >= 0.05), $"best at a corner or edge: {string.Join(", ", weights)}");
    }

    /// <summary>incentives-synthetic.yaml in shares mode, shortened, with the objective of scenarios/sweep-incentives.yaml.</summary>
    private string Sweep(string section) => _dir.Write("responsive.yaml", $$"""
        extends: {{Repo.Scenario("incentives-synthetic.yaml")}}
        run:
          epochs: 40
        rewards:
          mode: shares
        outputs:
          charts: false
        sweep:
        {{section}}  objective:
            goal: maximize
            terms:
              - metric: incentives.provider.active_mean
                weight: 0.0033333333333333335
              - metric: incentives.trainer.active_mean
                weight: 0.006666666666666667
              - metric: final_gini
                weight: -1
        """);

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    private static string Table(List<Dictionary<string, string>> points) => string.Join('\n', points.Select(p =>
        $"α={p["rewards.alpha"]} β={p["rewards.beta"]} providers={p["incentives.provider.active_mean_mean"]} "
        + $"trainers={p["incentives.trainer.active_mean_mean"]}"));
}

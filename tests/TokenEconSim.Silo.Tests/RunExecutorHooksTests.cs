using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>The hooks that hosts running many runs (sweeps, the dashboard) rely on.</summary>
public sealed class RunExecutorHooksTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task APreloadedScenarioRunsAsLoadedAndObserversSeeEveryEpochInOrder()
    {
        var scenario = ScenarioInput.Load(Repo.Scenario("baseline.yaml"), [new("run.epochs", "4"), new("run.seed", "7")]);
        RunStarted? started = null;
        var seen = new List<EpochMetrics>();
        var request = new RunRequest("baseline.yaml", [], _dir.Path, EngineKind.Direct, ShowProgress: false)
        {
            Scenario = scenario,
            OnStarted = s => started = s,
            OnEpochs = batch =>
            {
                Assert.NotNull(started); // told before the first epoch
                seen.AddRange(batch);
            },
        };

        var outcome = await RunExecutor.ExecuteAsync(request, TestContext.Current.CancellationToken);

        Assert.NotNull(started);
        Assert.Same(scenario, started.Scenario);
        Assert.StartsWith("baseline-", started.RunId);
        Assert.Equal([0, 1, 2, 3], seen.Select(m => m.Epoch));
        Assert.Equal(outcome.Rows.Select(m => m.Supply), seen.Select(m => m.Supply));
        Assert.Contains("seed: 7", File.ReadAllText(Path.Combine(outcome.Folder, "scenario.yaml")));
    }
}

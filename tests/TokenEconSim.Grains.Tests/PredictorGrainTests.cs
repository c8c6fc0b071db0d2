using Orleans.TestingHost;
using TokenEconSim.Contracts;

namespace TokenEconSim.Grains.Tests;

/// <summary>The predictor grain is given its run's scenario once, not with every observation.</summary>
public sealed class PredictorGrainTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await ClusterRun.StartClusterAsync(1);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    // Never given its scenario, it refuses to guess one; started again with the same scenario (a
    // resumed run) it carries on; started with another scenario, it refuses.
    [Fact]
    public async Task ThePredictorNeedsItsScenarioOnceAndKeepsIt()
    {
        var grain = _cluster.Client.GetGrain<IPredictorGrain>(GrainKeys.Predictor("unstarted"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Observe(100, 1, 0, 0, 0));
        Assert.Contains("was not started", error.Message);

        var resolved = ClusterRun.Resolved();
        var scenario = Scenarios.ScenarioLoader.LoadText(resolved).Scenario!;
        var local = new Domain.Consensus.Prediction.LstmHashratePredictor(scenario.Consensus.Difficulty.Lstm, scenario.Run.Seed);
        await grain.Start(resolved);
        local.Observe(100);
        Assert.Equal(local.Predict(), await grain.Observe(100, 1, 0, 0, 0));
        await grain.Start(resolved);
        local.Observe(110);
        Assert.Equal(local.Predict(), await grain.Observe(110, 1, 0, 0, 0));
        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Start(ClusterRun.Resolved(("run.seed", "8"))));
        Assert.Contains("different scenario", other.Message);
    }
}

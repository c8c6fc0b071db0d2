using Orleans.Runtime;
using Orleans.TestingHost;

namespace TokenEconSim.Grains.Tests;

/// <summary>
/// SPEC principle 2: a run is a pure function of (scenario, seed), whatever the number of silos,
/// the shard size or the scheduling. Each cluster is started once for the class.
/// </summary>
public sealed class ClusterDeterminismTests : IAsyncLifetime
{
    private InProcessTestCluster _one = null!;
    private InProcessTestCluster _two = null!;

    public async ValueTask InitializeAsync()
    {
        _one = await ClusterRun.StartClusterAsync(1);
        _two = await ClusterRun.StartClusterAsync(2);
    }

    public async ValueTask DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
    }

    [Fact]
    public async Task OneSiloAndTwoSilosAndDirectEngineGiveIdenticalMetrics()
    {
        var resolved = ClusterRun.Resolved(("run.agents_per_grain", "5"));
        var direct = await ClusterRun.DirectAsync(resolved);
        var one = await ClusterRun.OnClusterAsync(_one.Client, "det-one", resolved);
        var two = await ClusterRun.OnClusterAsync(_two.Client, "det-two", resolved);
        Assert.Equal(13, ClusterRun.Text(direct).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(ClusterRun.Text(direct), ClusterRun.Text(one));
        Assert.Equal(ClusterRun.Text(direct), ClusterRun.Text(two));
    }

    [Fact]
    public async Task OneGrainPerAgentEqualsHundredAgentsPerGrain()
    {
        var perAgent = await ClusterRun.OnClusterAsync(_two.Client, "shard-1", ClusterRun.Resolved(("run.agents_per_grain", "1")));
        var sharded = await ClusterRun.OnClusterAsync(_two.Client, "shard-100", ClusterRun.Resolved(("run.agents_per_grain", "100")));
        Assert.Equal(ClusterRun.Text(perAgent), ClusterRun.Text(sharded));
    }

    [Fact]
    public async Task ADifferentSeedGivesDifferentNumbers()
    {
        var a = await ClusterRun.OnClusterAsync(_one.Client, "seed-a", ClusterRun.Resolved(("run.seed", "1")));
        var b = await ClusterRun.OnClusterAsync(_one.Client, "seed-b", ClusterRun.Resolved(("run.seed", "2")));
        Assert.NotEqual(ClusterRun.Text(a), ClusterRun.Text(b));
    }

    [Fact]
    public async Task ShardGrainsSpreadOverBothSilos()
    {
        var coordinator = _two.Client.GetGrain<Contracts.IRunCoordinatorGrain>("spread");
        await coordinator.Start(ClusterRun.Resolved(("run.agents_per_grain", "1")));
        var stats = await _two.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
        var silosWithShards = stats.Where(s => s.GrainType.Contains(nameof(AgentShardGrain)) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
        Assert.Equal(2, silosWithShards);
        while (!(await coordinator.Advance(100)).Complete) { }
    }
}

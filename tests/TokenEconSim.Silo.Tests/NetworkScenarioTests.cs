using System.Globalization;
using TokenEconSim.Domain.Network;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Scenario runs over the peer-to-peer network (docs/model.md §19.6): byte-identical on every engine and shard size, unchanged by
/// topology none, and measuring what the closed forms say: Eyal and Sirer's selfish revenue, Rosenfeld's double-spend success,
/// and the stale rate 1 − e^(−d/T) of a uniform delay d.
/// </summary>
public sealed class NetworkScenarioTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    private static readonly string[] Files = ["metrics.csv", "blocks.csv", "summary.json"];

    private Task<RunOutput> Run(string scenario, string engine, int agentsPerGrain, int epochs, params string[] extra) =>
        runs.RunFile(Repo.Scenario($"{scenario}.yaml"), scenario,
        [
            "--engine", engine, "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--set", $"run.agents_per_grain={agentsPerGrain}",
            "--set", "outputs.charts=false", .. Populations.Small, .. extra,
        ]);

    [Theory]
    [InlineData("network-bitcoin")]
    [InlineData("selfish-mining")]
    [InlineData("double-spend")]
    public async Task DirectAndOrleansAndEveryShardSizeGiveTheSameBytes(string scenario)
    {
        // The attackers' scenarios on SimBlock's regions too, so every strategy meets a real graph.
        string[] graph = scenario == "network-bitcoin" ? [] : ["--set", "network.topology=regions", "--set", "network.relay_nodes=40"];
        var direct = await Run(scenario, "direct", 100, 12, graph);
        var sharded = await Run(scenario, "orleans", 30, 12, graph);
        var perAgent = await Run(scenario, "orleans", 1, 12, graph);
        var blocks = File.ReadAllLines(Path.Combine(direct.Folder, "blocks.csv"));
        Assert.Equal(TokenEconSim.Results.BlocksCsvWriter.NetworkHeader, blocks[0]);
        Assert.True(blocks.Length > 12 * 100, $"{blocks.Length - 1} blocks in 12 epochs of ~144");
        foreach (var file in Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(direct.Folder, file));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(sharded.Folder, file)));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(perAgent.Folder, file)));
        }
    }

    [Fact]
    public async Task TopologyNoneIsTheRunWithoutTheSection()
    {
        var without = await runs.RunFile(DeterminismRuns.Scenario, "baseline",
            ["--engine", "direct", "--epochs", "6", "--set", "outputs.charts=false", .. Populations.Small]);
        var none = await runs.RunFile(DeterminismRuns.Scenario, "baseline",
        [
            "--engine", "direct", "--epochs", "6", "--set", "outputs.charts=false", .. Populations.Small,
            "--set", "network.topology=none", "--set", "network.degree=3", "--set", "network.attacker.strategy=selfish",
        ]);
        foreach (var file in Files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(without.Folder, file)), File.ReadAllBytes(Path.Combine(none.Folder, file)));
        Assert.DoesNotContain("network:", File.ReadAllText(without.ScenarioPath));
        Assert.Contains("network:", File.ReadAllText(none.ScenarioPath)); // written, so --set network.topology=… on it sees them
    }

    [Fact]
    public async Task ASelfishThirdAtGammaOneHalfEarnsEyalSirersShareNotItsHashrate()
    {
        // α = 1/3, γ = 1/2: R = 0.385 (eq. 8), above α. ~14 000 found blocks; the share is a ratio of block counts over a
        // run whose races last a few blocks, so its standard error is below a point.
        var run = await Run("selfish-mining", "direct", 100, 100);
        var revenue = run.Column("attacker_revenue_share")[^1];
        Assert.All(run.Column("attacker_hashrate_share"), a => Assert.Equal(1.0 / 3, a, 9));
        var r = SelfishMiner.RelativeRevenue(1.0 / 3, 0.5);
        Assert.InRange(revenue, r - 0.02, r + 0.02);
        Assert.True(revenue > 1.0 / 3 + 0.02, $"revenue share {revenue} is not above the hashrate share 1/3");
        Assert.True(run.Column("stale_blocks").Sum() > 1000, "the pool orphans honest blocks");
    }

    [Fact]
    public async Task DoubleSpendSuccessRateIsRosenfelds()
    {
        var run = await Run("double-spend", "direct", 100, 150);
        var attempts = run.Column("double_spend_attempts").Sum();
        var successes = run.Column("double_spend_successes").Sum();
        var r = DoubleSpender.RosenfeldSuccess(0.3, 2);
        Assert.True(attempts > 200, $"{attempts} attempts");
        // Each attempt is a Bernoulli trial; the last may still be open when the run ends, so one more counts against it.
        var sigma = Math.Sqrt(r * (1 - r) / attempts);
        Assert.InRange(successes / attempts, r - 4 * sigma - 1 / attempts, r + 4 * sigma);
    }

    [Fact]
    public async Task StaleRateOfAUniformDelayIsOneMinusExpOfDelayOverInterval()
    {
        // 50 equal honest miners, every block reaching every node 30 s after it is found, fixed difficulty at T = 600 s: a block
        // found while another is in flight forks, so f = 1 − e^(−d/T) = 0.049 of heights are contested (Decker and Wattenhofer,
        // "Information propagation in the Bitcoin network", P2P 2013) and one block of each pair is stale, f/(1 + f) of all.
        var run = await Run("selfish-mining", "direct", 100, 60, "--set", "network.attacker.strategy=none", "--set", "network.latency=30",
            "--set", "populations.miners.count=50", "--set", "populations.miners.hashrate=const(1)");
        var stale = run.Column("stale_blocks").Sum();
        var main = run.Column("blocks").Sum();
        var f = 1 - Math.Exp(-30.0 / 600);
        Assert.InRange(stale / (stale + main), 0.75 * f / (1 + f), 1.25 * f / (1 + f));
        var rows = File.ReadAllLines(Path.Combine(run.Folder, "blocks.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(stale, rows.Count(c => c[8] == "0"));
        Assert.Equal(main, rows.Count(c => c[8] == "1"));
        Assert.All(rows, c => Assert.Equal(30, double.Parse(c[10], CultureInfo.InvariantCulture), 9)); // 90 % of nodes at d
    }
}

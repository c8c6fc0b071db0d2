using System.Globalization;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Responding miners through the real epoch loop and the command line (docs/model.md §17.1–§17.3), on scenarios/miners-respond.yaml:
/// 25 best-responding miners of hashrate h = 1 each, sampled proof of work at the baseline's fixed difficulty, B = 50 tokens a block,
/// epochs of L = 86 400 s, target block time T = 600 s. The genesis target is set so that the first epoch's hashrate H₀ = 25 (every
/// miner all on: a best-responding miner's default before any reward is observed) meets T (docs/model.md §4.3), so blocks come at
/// rate H/(T·H₀) for a switched-on hashrate H and each pays B to a miner drawn ∝ hashrate: a unit of hashrate switched on earns,
/// whatever the others do,
///
///   r* = B·L/(T·H₀) = 50 · 86 400 / (600 · 25) = 288 tokens per epoch,
///
/// and costs c_e (behaviour.miners.energy_cost). The expected profit of switching on a fraction f is (r̂ − c_e)·f·h (§17.3), linear in
/// f: every miner switches all of its hashrate on when c_e &lt; r* and all of it off when c_e &gt; r*. The tests sit a factor of two
/// either side of r* (a Poisson epoch of 144 blocks moves r̂ by about 8 %).
/// </summary>
public sealed class MinerIncentiveLoopTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    private const double Threshold = 50.0 * 86_400 / (600 * 25);

    private static string MinersRespond => Repo.Scenario("miners-respond.yaml");

    [Fact]
    public async Task MinersKeepTheirHashrateOnWhenEnergyCostsLessThanABlockRewardPerUnit()
    {
        var run = await Run(Threshold / 2);
        var (active, hashrate) = (Column(run, "active_miner"), Column(run, "hashrate"));
        Assert.All(active, a => Assert.Equal(25, a));
        Assert.All(hashrate, h => Assert.Equal(25, h, 9));
        Assert.True(Column(run, "blocks").Skip(40).Average() > 100, "blocks keep coming at about 144 an epoch");
    }

    [Fact]
    public async Task MinersSwitchTheirHashrateOffWhenEnergyCostsMoreThanABlockRewardPerUnit()
    {
        var run = await Run(Threshold * 2);
        var (active, hashrate) = (Column(run, "active_miner"), Column(run, "hashrate"));
        Assert.Equal(25, active[0]); // all on before any reward is observed
        Assert.All(active.Skip(40), a => Assert.Equal(0, a));
        Assert.All(hashrate.Skip(40), h => Assert.Equal(0, h));
        Assert.All(Column(run, "blocks").Skip(40), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("best_response")]
    [InlineData("logit")]
    [InlineData("bandit")]
    public async Task RespondingMinersGiveTheSameBytesOnBothEnginesAndEveryShardSize(string model)
    {
        // 10 present and 15 latent miners that enter while mining pays, near the threshold so that they revise.
        string[] args = ["--epochs", "16", "--set", $"behaviour.miners.model={model}", "--set", "behaviour.miners.energy_cost=500",
            "--set", "behaviour.miners.lambda=0.05", "--set", "populations.miners.count=10", "--set", "behaviour.miners.max_count=25",
            .. Populations.Small[..8]];
        var reference = await Go("direct", 64);
        foreach (var (engine, shard) in new[] { ("direct", 1), ("direct", 7), ("orleans", 7) })
        {
            var other = await Go(engine, shard);
            foreach (var file in (string[])["metrics.csv", "blocks.csv", "summary.json"])
            {
                var (expected, actual) = (Path.Combine(reference.Folder, file), Path.Combine(other.Folder, file));
                Assert.True(File.ReadAllBytes(expected).SequenceEqual(File.ReadAllBytes(actual)),
                    $"{file} differs on {engine} with {shard} agents per shard");
            }
        }
        Assert.NotEqual(Column(reference, "active_miner").Min(), Column(reference, "active_miner").Max()); // they chose, not drew

        Task<RunOutput> Go(string engine, int shard) =>
            runs.RunFile(MinersRespond, "miners-respond", ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. args]);
    }

    private Task<RunOutput> Run(double energyCost) => runs.RunFile(MinersRespond, "miners-respond",
        "--engine", "direct", "--set", $"behaviour.miners.energy_cost={energyCost.ToString(CultureInfo.InvariantCulture)}");

    private static List<double> Column(RunOutput run, string name) => run.Column(name);
}

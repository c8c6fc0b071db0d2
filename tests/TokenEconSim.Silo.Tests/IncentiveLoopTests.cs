using System.Globalization;
using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Responding populations through the real epoch loop and the command line (docs/model.md §17).
/// The free-entry benchmark (scenarios/free-entry.yaml, §17.9): identical providers share a fixed
/// pool s·P per epoch by their equal contributions and each bears a cost c per epoch of taking part.
/// With N taking part each earns s·P/N − c; entry continues while that is positive and exit while it
/// is negative, so the long-run number is where profit is zero, s·P/N* = c, i.e. N* = s·P/c — the
/// zero-profit condition of free entry (Mankiw and Whinston, "Free Entry and Social Inefficiency",
/// RAND Journal of Economics 17, 1986; Mas-Colell, Whinston and Green, Microeconomic Theory, 1995,
/// §10.F). In the file s = 1 (alpha 1), P = 5 000 tokens (the emission, no fees, every epoch
/// accepted) and c = 25: N* = 200.
/// </summary>
public sealed class IncentiveLoopTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    private const double Expected = 5_000.0 / 25;
    private const int Tail = 200; // epochs 400–599 of 600

    private static string FreeEntry => Repo.Scenario("free-entry.yaml");

    /// <summary>Every provider present, choosing by the logit of its own averaged profits, λ = 50 per token, w = 0.01 (§17.4).</summary>
    private static readonly string[] Logit =
    [
        "--set", "behaviour.data_providers.model=logit", "--set", "behaviour.data_providers.lambda=50",
        "--set", "behaviour.data_providers.smoothing=0.01", "--set", "populations.data_providers.count=400",
    ];

    [Fact]
    public async Task BestRespondingProvidersEnterUntilTheZeroProfitCount()
    {
        var run = await runs.RunFile(FreeEntry, "free-entry", "--engine", "direct");
        var active = Column(run, "active_provider");
        Assert.Equal(600, active.Count);
        Assert.Equal(50, active[0]); // 50 present at the start, 350 latent
        Assert.InRange(active.TakeLast(Tail).Average(), 0.95 * Expected, 1.05 * Expected);
        Assert.Equal(350, Column(run, "entries_provider").Sum());
    }

    [Fact]
    public async Task LogitProvidersWithHighRationalitySettleAtTheZeroProfitCount()
    {
        var run = await runs.RunFile(FreeEntry, "free-entry", ["--engine", "direct", .. Logit]);
        var active = Column(run, "active_provider");
        Assert.InRange(active.TakeLast(Tail).Average(), 0.95 * Expected, 1.05 * Expected);
    }

    [Fact]
    public async Task EnginesAndShardSizesGiveTheSameBytesWithRespondingPopulations()
    {
        // incentives-synthetic.yaml: logit providers with cheating and stakes, best-responding trainers, logit users.
        string[] small = ["--epochs", "16", "--set", "outputs.charts=false", .. Populations.Small];
        var reference = await Run("direct", 64);
        foreach (var (engine, shard) in new[] { ("direct", 1), ("direct", 7), ("orleans", 64), ("orleans", 7) })
        {
            var other = await Run(engine, shard);
            foreach (var file in (string[])["metrics.csv", "blocks.csv", "summary.json"])
            {
                var expected = File.ReadAllBytes(Path.Combine(reference.Folder, file));
                var actual = File.ReadAllBytes(Path.Combine(other.Folder, file));
                Assert.True(expected.SequenceEqual(actual), $"{file} differs on {engine} with {shard} agents per shard");
            }
        }
        var header = File.ReadLines(reference.MetricsPath).First().Split(',');
        Assert.Contains("cheating_rate_provider", header);
        Assert.Contains("bonded", header);
        var seed7 = await runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", "direct", "--seed", "7", .. small]);
        Assert.NotEqual(reference.MetricsBytes, seed7.MetricsBytes);

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. small]);
    }

    [Theory]
    [InlineData("epsilon_greedy")]
    [InlineData("ucb1")]
    public async Task BanditPopulationsGiveTheSameBytesOnBothEnginesAndShardSizes(string bandit)
    {
        // Every responding role of incentives-synthetic.yaml learning by a bandit: its draws come from each agent's own stream too.
        string[] args = ["--epochs", "16", "--set", "outputs.charts=false", .. Populations.Small,
            .. ((string[])["data_providers", "trainers", "users"]).SelectMany(role => (string[])["--set", $"behaviour.{role}.model=bandit",
                "--set", $"behaviour.{role}.bandit={bandit}"])];
        var reference = await Run("direct", 64);
        foreach (var (engine, shard) in new[] { ("direct", 1), ("orleans", 7) })
            Assert.Equal(reference.MetricsBytes, (await Run(engine, shard)).MetricsBytes);
        var asShipped = await runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", "direct", "--epochs", "16", "--set", "outputs.charts=false", .. Populations.Small]);
        Assert.NotEqual(asShipped.MetricsBytes, reference.MetricsBytes); // the bandits chose otherwise than logit and best response

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. args]);
    }

    [Fact]
    public async Task FreeEntryIsTheSameOnBothEnginesAndEveryShardSize()
    {
        string[] shorter = ["--epochs", "60", .. Logit];
        var reference = await runs.RunFile(FreeEntry, "free-entry", ["--engine", "direct", .. shorter]);
        foreach (var (engine, shard) in new[] { ("direct", 1), ("direct", 7), ("orleans", 64) })
        {
            var other = await runs.RunFile(FreeEntry, "free-entry", ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. shorter]);
            Assert.Equal(reference.MetricsBytes, other.MetricsBytes);
        }
    }

    /// <summary>
    /// cheating.yaml (docs/model.md §17.6): a provider's honest batch earns R = 10 at cost C = 6; its twin claims the same at no
    /// cost (ΔC = 6); a caught cheat (probability d) is paid nothing and slashed S = 20. Cheating beats honesty when
    /// (1 − d)·R − d·S &gt; R − C, i.e. d·(S + R) &lt; ΔC, d &lt; 6/30 = 0.2. Best-responding providers cheat on one side of the
    /// threshold and not on the other, one grid step (0.05) from it. Measured: rate 1.000 at d = 0.10 … 0.18, 0.000 at 0.22 … 0.30.
    /// </summary>
    [Theory]
    [InlineData(0.1, true)]
    [InlineData(0.15, true)]
    [InlineData(0.25, false)]
    [InlineData(0.3, false)]
    public async Task ProvidersCheatExactlyWhenDetectionTimesSlashAndRewardIsBelowTheCostSaved(double detection, bool cheats)
    {
        var run = await runs.RunFile(Repo.Scenario("cheating.yaml"), "cheating",
            "--engine", "direct", "--set", $"behaviour.data_providers.detection_probability={detection.ToString(CultureInfo.InvariantCulture)}");
        var rate = Column(run, "cheating_rate_provider").Skip(80).Average(); // epochs 80–119: every provider has revised
        if (cheats) Assert.InRange(rate, 0.95, 1);
        else Assert.InRange(rate, 0, 0.05);
        Assert.Equal(cheats, Column(run, "bond_slashed").Sum() > 0);
    }

    /// <summary>
    /// summary.json says per role whether cheating paid: incentives-synthetic.yaml's logit providers, a careless batch at a tenth of the cost
    /// against a 20-token slash, profit from cheating while the checks rarely catch them and lose by it when they usually do.
    /// </summary>
    [Theory]
    [InlineData(0.05, true)]
    [InlineData(0.6, false)]
    public async Task TheSummarySaysWhetherCheatingPaid(double detection, bool paid)
    {
        var run = await runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", "direct", "--epochs", "60", "--set", "outputs.charts=false", .. Populations.Small,
                "--set", "behaviour.data_providers.max_count=60",
                "--set", $"behaviour.data_providers.detection_probability={detection.ToString(CultureInfo.InvariantCulture)}"]);
        var provider = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Folder, "summary.json"))).RootElement
            .GetProperty("incentives").GetProperty("provider");
        var (cheat, honest) = (provider.GetProperty("cheat_profit_mean").GetDouble(), provider.GetProperty("honest_profit_mean").GetDouble());
        Assert.Equal(paid, provider.GetProperty("cheating_paid").GetBoolean());
        Assert.Equal(paid, cheat > honest);
        Assert.True(Math.Abs(cheat - honest) > 5, $"cheats made {cheat} tokens an epoch on average, honest providers {honest}");
    }

    [Fact]
    public async Task TheFederatedEconomyRespondsAlikeOnBothEnginesAndShardSizes()
    {
        // incentives.yaml: logit providers submitting real batches, logit trainers renting GPU-hours, both able to cheat and
        // staked, logit users; 20 latent providers and 10 latent trainers.
        string[] args = ["--epochs", "12", "--set", "outputs.charts=false", .. FederatedSmall];
        var reference = await Run("direct", 64);
        foreach (var (engine, shard) in new[] { ("direct", 7), ("orleans", 7) })
        {
            var other = await Run(engine, shard);
            foreach (var file in (string[])["metrics.csv", "blocks.csv", "summary.json"])
            {
                var expected = File.ReadAllBytes(Path.Combine(reference.Folder, file));
                var actual = File.ReadAllBytes(Path.Combine(other.Folder, file));
                Assert.True(expected.SequenceEqual(actual), $"{file} differs on {engine} with {shard} agents per shard");
            }
        }
        Assert.True(Column(reference, "cheating_rate_provider").Sum() > 0, "some provider chose a careless batch");
        Assert.True(Column(reference, "entries_provider").Sum() > 0, "latent providers entered");
        Assert.InRange(Column(reference, "model_accuracy")[^1], 0.6, 1); // the model learned from the batches the providers chose
        var payRank = Column(reference, "pay_rank_trainer").Where(double.IsFinite).ToList();
        Assert.True(payRank.Count >= 6, "pay_rank_trainer is defined in most accepted epochs");
        Assert.All(payRank, rho => Assert.InRange(rho, -1, 1));
        // Early on, providers' pay (V_D) and their batches' influence on the validation loss rank them alike: an influence of the
        // wrong sign, or one that ignored the batch, would give ρ near 0 or below.
        var providerRank = Column(reference, "pay_rank_provider").Where(double.IsFinite).ToList();
        Assert.True(providerRank.Count >= 6, "pay_rank_provider is defined in most accepted epochs");
        Assert.True(providerRank.Take(6).Average() > 0.2, $"providers' pay tracks their influence early on: {providerRank.Take(6).Average()}");
        // A responding role's mean reward is over the agents present, not the latent ones its segment also hosts.
        var (mean, present, total) = (Column(reference, "reward_mean_provider"), Column(reference, "present_provider"),
            Column(reference, "reward_total_provider"));
        for (var e = 0; e < mean.Count; e++) Assert.Equal(total[e], mean[e] * present[e], 1e-6 * (1 + total[e]));

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("incentives.yaml"), "incentives",
            ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. args]);
    }

    /// <summary>
    /// The levers under federated learning: with no share of the pool providers pay their costs for nothing, so they leave and the
    /// model is left with what it learned before; with a share they stay, and more of them stay careful.
    /// </summary>
    [Fact]
    public async Task ProvidersLeaveWithoutAShareOfThePoolAndStayWithOne()
    {
        var without = await Run("0", "0.5", "0.5");
        var with = await Run("0.6", "0.2", "0.2");
        var (absent, present) = (Column(without, "active_provider").TakeLast(10).Average(), Column(with, "active_provider").TakeLast(10).Average());
        Assert.True(absent < 0.25 * present, $"active providers over the last 10 epochs: {absent} at alpha 0, {present} at alpha 0.6");
        Assert.True(Column(without, "exits_provider").Sum() >= 30, "the providers present at the start left");
        Assert.True(Column(with, "effort_mean_provider").TakeLast(10).Average()
            > Column(without, "effort_mean_provider").Where(double.IsFinite).Average(),
            "a paid provider is more careful than an unpaid one");

        Task<RunOutput> Run(string alpha, string beta, string gamma) => runs.RunFile(Repo.Scenario("incentives.yaml"), "incentives",
            ["--engine", "direct", "--epochs", "40", "--set", "outputs.charts=false", .. FederatedSmall,
                "--set", $"rewards.alpha={alpha}", "--set", $"rewards.beta={beta}", "--set", $"rewards.gamma={gamma}"]);
    }

    /// <summary>incentives.yaml at a third of its size (fewer agents than the AI economy's 210, the same shape).</summary>
    private static readonly string[] FederatedSmall =
        ["--set", "populations.data_providers.count=40", "--set", "behaviour.data_providers.max_count=60",
            "--set", "populations.trainers.count=12", "--set", "behaviour.trainers.max_count=22", "--set", "populations.users.count=20",
            "--set", "token.emission_per_epoch=2000"];

    private static List<double> Column(RunOutput run, string name) => run.Column(name);
}

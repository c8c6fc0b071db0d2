using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// The free-entry benchmark (docs/model.md, "Agents' behaviour and incentives"): identical
/// providers share a fixed pool s·P per epoch by their (equal) contributions and each bears a cost c
/// per epoch of taking part. With N taking part each earns s·P/N − c; entry continues while that is
/// positive and exit while it is negative, so the long-run number is where profit is zero,
/// s·P/N* = c, i.e. N* = s·P/c — the zero-profit condition of free entry (Mankiw and Whinston,
/// "Free Entry and Social Inefficiency", RAND Journal of Economics 17, 1986; Mas-Colell, Whinston and
/// Green, Microeconomic Theory, 1995, §10.F). Here s·P = 5 000 tokens and c = 25: N* = 200.
/// </summary>
public class FreeEntryTests
{
    private const double SharedPool = 5_000, Cost = 25, Expected = SharedPool / Cost;
    private const int MaxPopulation = 400, Epochs = 600, Tail = 200;

    /// <summary>One action "take part": one record of quality 1 at cost c₀ = c, so units 1 and cost c.</summary>
    internal static ProviderBehaviour Providers(
        BehaviourModel model, double lambda = 1, double inertia = 0.05, double smoothing = 0.1, int maxCount = MaxPopulation) => new()
        {
            Model = model,
            Levels = 1,
            QualityLevels = 1,
            QualityLow = 1,
            QualityHigh = 1,
            Records = 1,
            CostPerRecord = Cost,
            QualityCost = 0,
            Lambda = lambda,
            Inertia = inertia,
            Smoothing = smoothing,
            MaxCount = maxCount,
            LookBack = 3,
        };

    private static double TailMean(PopulationSimulation sim) => sim.Active.Skip(Epochs - Tail).Average();

    [Theory]
    [InlineData(42L)]
    [InlineData(7L)]
    public void BestResponseEntrantsConvergeToTheZeroProfitCount(long seed)
    {
        // 50 providers present, 350 latent: latent ones enter when the look-back profit is positive.
        var sim = new PopulationSimulation(Providers(BehaviourModel.BestResponse, inertia: 0.02), initialCount: 50,
            maxCount: MaxPopulation, seed, shardSize: 64, pool: SharedPool);
        sim.Run(Epochs);
        var mean = TailMean(sim);
        Assert.InRange(mean, 0.95 * Expected, 1.05 * Expected);
        Assert.True(sim.Decisions.Skip(Epochs - Tail).All(t => Math.Abs(t.Active - Expected) <= 0.15 * Expected),
            "the count stays near N*: " + string.Join(",", sim.Active.Skip(Epochs - Tail)));
        Assert.True(sim.Decisions.Sum(t => t.Entries) > 0, "providers entered");
        Assert.True(sim.Active.First() < 0.5 * Expected, "it starts far below N*");
    }

    [Theory]
    [InlineData(42L)]
    [InlineData(7L)]
    [InlineData(1L)]
    [InlineData(2L)]
    public void LogitWithHighRationalityConvergesToTheZeroProfitCount(long seed)
    {
        // Every provider present, each choosing between sitting out and taking part by the logit of
        // its own exponentially averaged realised profits. λ = 50 per token is high: one token of
        // profit (N* ± 4 %) makes a choice e^50 times likelier. The average moves slowly (w = 0.01,
        // λ·w = 0.5): with λ·w ≳ 1 one bad epoch shuts an agent out for good and the count freezes
        // wherever the early swings left it (docs/model.md, logit).
        var sim = new PopulationSimulation(Providers(BehaviourModel.Logit, lambda: 50, smoothing: 0.01), initialCount: MaxPopulation,
            maxCount: MaxPopulation, seed, shardSize: 64, pool: SharedPool);
        sim.Run(Epochs);
        Assert.InRange(TailMean(sim), 0.95 * Expected, 1.05 * Expected);
        Assert.True(sim.Decisions.Skip(Epochs - Tail).All(t => Math.Abs(t.Active - Expected) <= 0.15 * Expected),
            "the count stays near N*: " + string.Join(",", sim.Active.Skip(Epochs - Tail)));
    }

    [Fact]
    public void WithLowRationalityLogitStaysNoisyAroundHalfThePopulation()
    {
        // The contrast that makes the test above mean something: λ → 0 is a coin flip per agent.
        var sim = new PopulationSimulation(Providers(BehaviourModel.Logit, lambda: 0), initialCount: MaxPopulation,
            maxCount: MaxPopulation, 42, shardSize: 64, pool: SharedPool);
        sim.Run(Epochs);
        Assert.InRange(TailMean(sim), 0.45 * MaxPopulation, 0.55 * MaxPopulation);
    }
}

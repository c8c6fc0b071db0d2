using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// The reward modes side by side on the seeds' worked example (docs/model.md §3.1): α, β, γ = 0.4,
/// 0.3, 0.3, V_D = 1000 × 0.8 = 800, V_T = 450, V_U = 0, so R = 320 + 135 = 455. Here the data and
/// the training are two agents (an agent has one role): a provider with R = 320 and a trainer with
/// R = 135, and a pool P = 10 000 tokens.
/// </summary>
public class SharesModeTests
{
    private static readonly RewardWeights Weights = new(0.4, 0.3, 0.3);
    private static readonly long Pool = TokenUnits.FromTokens(10_000);
    private static readonly Int128 Provider = ExactSum.Quantize(Weights.Reward(800, 0, 0)), Trainer = ExactSum.Quantize(Weights.Reward(0, 450, 0));

    [Fact]
    public void TheSeedsExampleUnderAbsolutePoolAndSharesModes()
    {
        Assert.Equal(455, Weights.Reward(800, 450, 0), 12);
        // absolute: R tokens minted to each, 320 + 135 = 455 in all, the pool unused.
        Assert.Equal(TokenUnits.FromTokens(320), PoolSplit.Absolute(Provider, TokenUnits.PerToken));
        Assert.Equal(TokenUnits.FromTokens(135), PoolSplit.Absolute(Trainer, TokenUnits.PerToken));
        // pool: P·R_i/ΣR = 10 000·320/455 and 10 000·135/455 tokens, rounded down to base units.
        var total = Provider + Trainer;
        Assert.Equal(1_000_000_000_000L * 320 / 455, PoolSplit.Share(Pool, Provider, total));
        Assert.Equal(1_000_000_000_000L * 135 / 455, PoolSplit.Share(Pool, Trainer, total));
        // shares: α·P to providers, β·P to trainers, γ·P to users; each alone in its role takes it all,
        // and with no user scoring, γ·P stays in the treasury.
        var (data, training, usage) = SharesSplit.RolePools(Pool, Weights);
        Assert.Equal((TokenUnits.FromTokens(4_000), TokenUnits.FromTokens(3_000), TokenUnits.FromTokens(3_000)), (data, training, usage));
        Assert.Equal(TokenUnits.FromTokens(4_000), SharesSplit.Share(data, Provider, Provider));
        Assert.Equal(TokenUnits.FromTokens(3_000), SharesSplit.Share(training, Trainer, Trainer));
        Assert.Equal(0, SharesSplit.Share(usage, 0, 0));
        // What changes: the trainer's part of what is paid, 135/455 = 29.7 % in pool mode, β/(α+β) = 42.9 % here.
    }

    [Fact]
    public void WithinARoleThePartIsSplitByValueAndNothingIsPaidBeyondThePool()
    {
        var rng = new TokenEconSim.Domain.Randomness.Xoshiro256StarStar(3);
        var values = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() * 100).ToArray();
        var weights = new RewardWeights(0.2, 0.5, 0.3);
        var (data, _, _) = SharesSplit.RolePools(Pool + 7, weights);
        Int128 total = 0;
        var scores = values.Select(v => ExactSum.Quantize(weights.Reward(v, 0, 0))).ToArray();
        foreach (var s in scores) total += s;
        var paid = scores.Sum(s => SharesSplit.Share(data, s, total));
        Assert.InRange(data - paid, 0, values.Length - 1);
        var (d, t, u) = SharesSplit.RolePools(Pool + 7, weights);
        Assert.InRange(Pool + 7 - (d + t + u), 0, 2);
        // Twice the value, twice the payout (to one base unit).
        var one = SharesSplit.Share(data, ExactSum.Quantize(10), ExactSum.Quantize(1_000));
        var two = SharesSplit.Share(data, ExactSum.Quantize(20), ExactSum.Quantize(1_000));
        Assert.InRange(two - 2 * one, 0, 1);
    }
}

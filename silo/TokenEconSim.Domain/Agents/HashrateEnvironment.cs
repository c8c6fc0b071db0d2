using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// The network-wide factor on every miner's drawn hashrate in an epoch, for the difficulty
/// environments: steady growth (1 + g)^e; a shock ×s from <c>shock_epoch</c> until
/// <c>shock_end_epoch</c> (a drop and recovery, or a permanent step with -1); and a log-normal random
/// walk exp(σ·Σ_{k≤e} Z_k) with Z_k from the shared stream of epoch k, so every shard computes the
/// same factor. Greedy, difficulty-chasing miners need the chain's difficulty and are not here.
/// </summary>
public static class HashrateEnvironment
{
    public static double Factor(MinerPopulation miners, long runSeed, int epoch)
    {
        var factor = Math.Pow(1 + miners.GrowthPerEpoch, epoch);
        if (miners.ShockEpoch >= 0 && epoch >= miners.ShockEpoch && (miners.ShockEndEpoch < 0 || epoch < miners.ShockEndEpoch))
            factor *= miners.ShockFactor;
        if (miners.RandomWalkSigma > 0) factor *= Math.Exp(miners.RandomWalkSigma * WalkSum(runSeed, epoch));
        return factor;
    }

    // Recomputed from epoch 0 each time (O(e)): shards hold no shared state, and e·draws is tiny next to an epoch's work.
    private static double WalkSum(long runSeed, int epoch)
    {
        var sum = 0.0;
        for (var k = 1; k <= epoch; k++) sum += Normal.Sample(Seeds.SharedRng(runSeed, k, RngPurpose.HashrateWalk), 0, 1);
        return sum;
    }
}

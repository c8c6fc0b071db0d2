using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// The network-wide factor on every miner's drawn hashrate in an epoch, for the difficulty
/// environments: steady growth (1 + g)^e; a shock ×s from <c>shock_epoch</c> until
/// <c>shock_end_epoch</c> (a drop and recovery, or a permanent step with -1); and a log-normal random
/// walk exp(σ·Σ_{k≤e} Z_k) with Z_k from the shared stream of epoch k; and periodic hash switching, × f in the
/// second half of every period of P epochs (hashrate moving between two chains). The epoch loop applies it to
/// the merged hashrates once per epoch (<see cref="Walk"/> keeps the running sum), so shards never
/// compute it. Greedy, difficulty-chasing miners need the chain's difficulty and are elsewhere.
/// </summary>
public static class HashrateEnvironment
{
    /// <summary>The factor of <paramref name="epoch"/> from scratch (O(epoch) draws): the reference the running walk must equal.</summary>
    public static double Factor(MinerPopulation miners, long runSeed, int epoch)
    {
        var walk = new Walk(runSeed);
        return FactorWithWalk(miners, epoch, miners.RandomWalkSigma > 0 ? walk.SumTo(epoch) : 0);
    }

    public static double FactorWithWalk(MinerPopulation miners, int epoch, double walkSum)
    {
        var factor = Math.Pow(1 + miners.GrowthPerEpoch, epoch);
        if (miners.ShockEpoch >= 0 && epoch >= miners.ShockEpoch && (miners.ShockEndEpoch < 0 || epoch < miners.ShockEndEpoch))
            factor *= miners.ShockFactor;
        if (miners.RandomWalkSigma > 0) factor *= Math.Exp(miners.RandomWalkSigma * walkSum);
        if (miners.SwitchPeriod > 0 && epoch % miners.SwitchPeriod >= miners.SwitchPeriod / 2) factor *= miners.SwitchFactor;
        return factor;
    }

    /// <summary>Σ_{k=1..e} Z_k, advanced epoch by epoch in that order, so every caller gets the same double.</summary>
    public sealed class Walk(long runSeed)
    {
        private double _sum;
        private int _epoch;

        public double SumTo(int epoch)
        {
            if (epoch < _epoch) throw new ArgumentOutOfRangeException(nameof(epoch), "the walk only moves forward");
            for (; _epoch < epoch; _epoch++)
                _sum += Normal.Sample(Seeds.SharedRng(runSeed, _epoch + 1, RngPurpose.HashrateWalk), 0, 1);
            return _sum;
        }
    }
}

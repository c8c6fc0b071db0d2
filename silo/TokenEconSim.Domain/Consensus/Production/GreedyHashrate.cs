namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Profit-seeking hashrate that switches onto the chain when mining it is cheap and off when it is
/// dear, the "greedy miners" of kyuupichan/difficulty (its mining simulator for Bitcoin Cash's
/// algorithm candidates). Cheapness is the required work relative to what the loyal miners alone
/// justify: r = E / (T · H_loyal), E = 2²⁵⁶/(target+1). The greedy hashrate, <c>fraction</c> × the
/// loyal one, joins when r &lt; 1 − θ and leaves when r &gt; 1 + θ (hysteresis θ = threshold). Token
/// price is not modelled, so greedy miners react to difficulty alone.
/// </summary>
public sealed class GreedyHashrate(double fraction, double threshold)
{
    public bool Mining { get; private set; }

    /// <summary>The factor on the loyal hashrate for the next block.</summary>
    public double Multiplier(double expectedHashes, double fairHashes)
    {
        if (fraction <= 0 || !(fairHashes > 0)) return 1;
        var cost = expectedHashes / fairHashes;
        if (Mining && cost > 1 + threshold) Mining = false;
        else if (!Mining && cost < 1 - threshold) Mining = true;
        return Mining ? 1 + fraction : 1;
    }
}

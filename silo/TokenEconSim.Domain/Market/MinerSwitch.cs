using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Market;

/// <summary>
/// Miners' profitability switch (docs/model.md §12.3). Miner i has hashrate h_i and an electricity
/// cost c_i (stable per unit of hashrate per epoch, drawn once per miner from the shared stream
/// (run seed, 0, miner costs) in id order). With R the expected block tokens of an epoch, p the
/// token price and H the hashrate of the running miners, a running miner earns h_i·R·p/H and pays
/// h_i·c_i; a stopped one would earn h_i·R·p/(H + h_i). Hysteresis h: a running miner stops when
/// its revenue / cost &lt; 1 − h, a stopped one restarts when it &gt; 1 + h, so a price hovering at
/// break-even does not flip the fleet every epoch. Stopped miners mine nothing and pay nothing.
/// </summary>
public sealed class MinerSwitch
{
    private readonly int _firstMiner;
    private readonly double _hysteresis;
    private readonly double[] _cost;
    private readonly double[] _hashrate;  // last seen (environment-scaled); 0 until seen
    private readonly bool[] _off;

    public MinerSwitch(Distribution electricityCost, double hysteresis, long runSeed, int firstMiner, int miners)
    {
        _firstMiner = firstMiner;
        _hysteresis = hysteresis;
        _cost = new double[miners];
        _hashrate = new double[miners];
        _off = new bool[miners];
        var rng = Seeds.SharedRng(runSeed, 0, RngPurpose.MinerCosts);
        for (var k = 0; k < miners; k++) _cost[k] = Math.Max(0, electricityCost.Sample(rng));
    }

    public int Off => _off.Count(x => x);

    public double CostOf(int minerId) => _cost[minerId - _firstMiner];

    /// <summary>Records the active miners' hashrates and drops the stopped ones (arrays returned unchanged when none is stopped).</summary>
    public (int[] Ids, double[] Hashrates) Running(int[] ids, double[] hashrates)
    {
        var keep = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            _hashrate[ids[k] - _firstMiner] = hashrates[k];
            if (!_off[ids[k] - _firstMiner]) keep++;
        }
        if (keep == ids.Length) return (ids, hashrates);
        var (keptIds, keptRates) = (new int[keep], new double[keep]);
        var j = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            if (_off[ids[k] - _firstMiner]) continue;
            keptIds[j] = ids[k];
            keptRates[j++] = hashrates[k];
        }
        return (keptIds, keptRates);
    }

    /// <summary>Re-decides every miner at once from the same H, given <paramref name="blockTokens"/> R and the price.</summary>
    public void Update(double blockTokens, double price)
    {
        var running = 0.0;
        for (var k = 0; k < _off.Length; k++) if (!_off[k]) running += _hashrate[k];
        var decided = new bool[_off.Length];
        for (var k = 0; k < _off.Length; k++)
        {
            var h = _hashrate[k];
            if (_cost[k] <= 0) continue;                       // free power: always running
            if (h <= 0) { decided[k] = _off[k]; continue; }    // not seen yet: no basis to change
            var network = _off[k] ? running + h : running;
            var ratio = blockTokens * price / network / _cost[k];
            decided[k] = _off[k] ? ratio <= 1 + _hysteresis : ratio < 1 - _hysteresis;
        }
        decided.CopyTo(_off, 0);
    }

    /// <summary>Tokens (base units) each running miner sells to pay this epoch's electricity: h_i·c_i / p.</summary>
    public AgentCredit[] Sells(double price)
    {
        var sells = new List<AgentCredit>();
        for (var k = 0; k < _off.Length; k++)
        {
            if (_off[k]) continue;
            var units = TokenEconomy.Units(_hashrate[k] * _cost[k] / price);
            if (units > 0) sells.Add(new AgentCredit(_firstMiner + k, units));
        }
        return [.. sells];
    }

    public void WriteState(BinaryWriter w)
    {
        w.Write(_off.Length);
        for (var k = 0; k < _off.Length; k++)
        {
            w.Write(_cost[k]);
            w.Write(_hashrate[k]);
            w.Write(_off[k]);
        }
    }

    public void ReadState(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n != _off.Length) throw new InvalidDataException($"miner state for {n} miners, this run has {_off.Length}");
        for (var k = 0; k < n; k++)
        {
            _cost[k] = r.ReadDouble();
            _hashrate[k] = r.ReadDouble();
            _off[k] = r.ReadBoolean();
        }
    }
}

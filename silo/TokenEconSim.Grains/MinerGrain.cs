using Orleans.Concurrency;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;

namespace TokenEconSim.Grains;

/// <summary>A miner grinding SHA-256d nonces of its own header; the miners of a round run concurrently.</summary>
public sealed class MinerGrain : Grain, IMinerGrain
{
    public Task<Immutable<GrindResult>> Grind(Immutable<GrindOrder> order)
    {
        var o = order.Value;
        return Task.FromResult(NonceGrinder.Search(o.Header, o.Start, o.End, o.Target).AsImmutable());
    }
}

using Orleans.Concurrency;
using TokenEconSim.Contracts;
using TokenEconSim.Contracts.Wire;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Grains;

/// <summary>A run's consensus actors as grains: miners grind a round concurrently, validators run PBFT, the chain grain validates blocks.</summary>
public static class OrleansConsensusHosts
{
    public static ConsensusHosts For(IGrainFactory grains, string runId, string resolvedScenario) =>
        new(new MinerGrainSearcher(grains, runId), () => new OrleansReplicaGroup(grains, runId),
            new OrleansChainNode(grains, runId, resolvedScenario), () => new OrleansPredictor(grains, runId, resolvedScenario));
}

/// <summary>One grain call per miner with work in the round, all in flight at once; results in order.</summary>
public sealed class MinerGrainSearcher(IGrainFactory grains, string runId) : INonceSearcher
{
    public async Task<GrindResult[]> SearchAsync(IReadOnlyList<GrindOrder> orders)
    {
        var calls = orders.Select(o => grains.GetGrain<IMinerGrain>(GrainKeys.Miner(runId, o.MinerIndex)).Grind(o.AsImmutable())).ToArray();
        var results = await Task.WhenAll(calls);
        return [.. results.Select(r => r.Value)];
    }
}

/// <summary>The validators of a PBFT instance as grains: each round, one call per validator with its inbox.</summary>
public sealed class OrleansReplicaGroup(IGrainFactory grains, string runId) : IReplicaGroup
{
    private IValidatorGrain[] _validators = [];

    public async Task<IReadOnlyList<Outbound>[]> StartAsync(PbftSetup setup)
    {
        _validators = [.. Enumerable.Range(0, setup.ReplicaCount).Select(i => grains.GetGrain<IValidatorGrain>(GrainKeys.Validator(runId, i)))];
        var message = ToWire(setup);
        return FromWire(await Task.WhenAll(_validators.Select((v, i) => v.Start(message, i))));
    }

    public async Task<IReadOnlyList<Outbound>[]> StepAsync(IReadOnlyList<PbftMessage>[] inboxes) =>
        FromWire(await Task.WhenAll(_validators.Select((v, i) => v.Step([.. inboxes[i].Select(PbftWire.Encode)]))));

    public async Task<ReplicaStatus[]> StatusAsync() =>
        [.. (await Task.WhenAll(_validators.Select(v => v.Status())))
            .Select(s => new ReplicaStatus(s.Decision is { } d ? Digest.FromBytes(d) : null, s.View, s.ViewChangesStarted))];

    private static IReadOnlyList<Outbound>[] FromWire(WireOutbound[][] sent) =>
        [.. sent.Select(list => (IReadOnlyList<Outbound>)[.. list.Select(o => new Outbound(PbftWire.Decode(o.Message), o.To))])];

    private static PbftSetupMessage ToWire(PbftSetup s) =>
        new(s.ReplicaCount, s.Sequence, s.TimeoutRounds, [.. s.Behaviours.Select(b => (int)b)], Bytes(s.Proposal), Bytes(s.Lie), s.Seed);

    internal static PbftSetup ToDomain(PbftSetupMessage s) =>
        new(s.ReplicaCount, s.Sequence, s.TimeoutRounds, [.. s.Behaviours.Select(b => (ByzantineBehaviour)b)],
            Digest.FromBytes(s.Proposal), Digest.FromBytes(s.Lie), s.Seed);

    internal static byte[] Bytes(Digest d)
    {
        var bytes = new byte[Digest.Size];
        d.WriteTo(bytes);
        return bytes;
    }
}

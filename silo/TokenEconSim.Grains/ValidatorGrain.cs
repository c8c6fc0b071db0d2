using TokenEconSim.Contracts;
using TokenEconSim.Contracts.Wire;
using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Grains;

/// <summary>A validator holding its PBFT replica (honest or Byzantine, as the run's scenario says) for the current instance.</summary>
public sealed class ValidatorGrain : Grain, IValidatorGrain
{
    private IPbftReplica? _replica;

    public Task<WireOutbound[]> Start(PbftSetupMessage setup, int replicaId)
    {
        _replica = OrleansReplicaGroup.ToDomain(setup).CreateReplica(replicaId);
        return Task.FromResult(ToWire(_replica.Start()));
    }

    public Task<WireOutbound[]> Step(byte[][] inbox) =>
        Task.FromResult(ToWire(ReplicaStep.Run(Replica, [.. inbox.Select(PbftWire.Decode)])));

    public Task<ReplicaStatusMessage> Status()
    {
        var status = ReplicaStatus.Of(Replica);
        return Task.FromResult(new ReplicaStatusMessage(status.Decision is { } d ? OrleansReplicaGroup.Bytes(d) : null, status.View,
            status.ViewChangesStarted));
    }

    private IPbftReplica Replica => _replica ?? throw new InvalidOperationException($"validator {this.GetPrimaryKeyString()} has no PBFT instance");

    private static WireOutbound[] ToWire(IReadOnlyList<Outbound> sent) => [.. sent.Select(o => new WireOutbound(PbftWire.Encode(o.Message), o.To))];
}

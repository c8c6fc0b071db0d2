using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Agents;

/// <summary>The shard's complete state for a checkpoint: every array but the sort scratch, in exact bits (the shared arrays, then each
/// role's).</summary>
public sealed partial class AgentShard : ICheckpointed
{
    public void WriteState(BinaryWriter w)
    {
        w.Write(First);
        w.Write(Count);
        StateIo.Write(w, _rngState);
        StateIo.Write(w, _balance);
        StateIo.Write(w, _active);
        StateIo.Write(w, _score);
        foreach (var role in Segments()) role.WriteState(w);
        w.Write(_marketplaceStreams is not null);
        _marketplaceStreams?.WriteState(w);
        if (_behaviour is not null) WriteBehaviourState(w); // only when some population responds: fixed runs' checkpoints are unchanged
    }

    public void ReadState(BinaryReader r)
    {
        var (first, count) = (r.ReadInt32(), r.ReadInt32());
        if (first != First || count != Count)
            throw new InvalidDataException($"checkpoint holds agents [{first}, {first + count}) where this shard has [{First}, {First + Count})");
        StateIo.Read(r, _rngState);
        StateIo.Read(r, _balance);
        StateIo.Read(r, _active);
        StateIo.Read(r, _score);
        foreach (var role in Segments()) role.ReadState(r);
        _marketplaceStreams = r.ReadBoolean() ? MarketplaceStreams.ReadState(r) : null;
        if (_behaviour is not null) ReadBehaviourState(r);
    }

    /// <summary>The roles' own states, in <see cref="Role"/> order.</summary>
    private RoleSegment[] Segments() => [_providers, _trainers, _users, _validators, _miners];

    /// <summary>The state as bytes (what a shard grain sends to the checkpoint).</summary>
    public byte[] StateBytes()
    {
        using var buffer = new MemoryStream(Count * 90 + 64);
        using (var w = new BinaryWriter(buffer)) WriteState(w);
        return buffer.ToArray();
    }

    public void ReadStateBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        ReadState(r);
    }
}

using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>The behaviour state for a checkpoint: every array, in exact bits.</summary>
public sealed partial class RoleBehaviour : ICheckpointed
{
    public void WriteState(BinaryWriter w)
    {
        w.Write(Count);
        w.Write(_k);
        StateIo.Write(w, _present);
        StateIo.Write(w, _held);
        StateIo.Write(w, _pending);
        StateIo.Write(w, _pendingCost);
        StateIo.Write(w, _pendingSlash);
        StateIo.Write(w, _lossStreak);
        StateIo.Write(w, _bond);
        StateIo.Write(w, _estimate);
        StateIo.Write(w, _pulls);
        StateIo.Write(w, _epochsActive);
        StateIo.Write(w, _cheatedEpochs);
        StateIo.Write(w, _rewardTotal);
        StateIo.Write(w, _slashedTotal);
        StateIo.Write(w, _costTotal);
    }

    public void ReadState(BinaryReader r)
    {
        var (count, k) = (r.ReadInt32(), r.ReadInt32());
        if (count != Count || k != _k)
            throw new InvalidDataException(
                $"checkpoint holds {count} agents with {k} actions where this population has {Count} with {_k}: "
                + "it belongs to a different scenario");
        StateIo.Read(r, _present);
        ReadInts(r, _held);
        ReadInts(r, _pending);
        StateIo.Read(r, _pendingCost);
        StateIo.Read(r, _pendingSlash);
        ReadInts(r, _lossStreak);
        StateIo.Read(r, _bond);
        StateIo.Read(r, _estimate);
        ReadInts(r, _pulls);
        ReadInts(r, _epochsActive);
        ReadInts(r, _cheatedEpochs);
        StateIo.Read(r, _rewardTotal);
        StateIo.Read(r, _slashedTotal);
        StateIo.Read(r, _costTotal);
    }

    /// <summary>StateIo reads ints only into a new array; these arrays are fixed, so copy in (lengths checked).</summary>
    private static void ReadInts(BinaryReader r, int[] into)
    {
        var values = StateIo.ReadInts(r);
        if (values.Length != into.Length)
            throw new InvalidDataException(
                $"checkpoint holds {values.Length} values where this run has {into.Length}: it belongs to a different scenario");
        values.CopyTo(into, 0);
    }
}

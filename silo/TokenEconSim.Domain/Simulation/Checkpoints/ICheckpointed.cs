namespace TokenEconSim.Domain.Simulation.Checkpoints;

/// <summary>
/// A stateful part of a run that a checkpoint carries across a restart: it writes its complete state
/// in exact bits (doubles through <see cref="BinaryWriter.Write(double)"/>, RNG states included) and
/// reads it back into an instance built from the same scenario. Add a run-level component to a
/// checkpoint by listing it in <see cref="EpochLoop.CheckpointParts"/>.
/// </summary>
public interface ICheckpointed
{
    void WriteState(BinaryWriter w);

    void ReadState(BinaryReader r);
}

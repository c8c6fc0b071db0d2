using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Tokens;

public sealed partial class SupplyLedger : ICheckpointed
{
    public void WriteState(BinaryWriter w)
    {
        w.Write(Initial);
        w.Write(Minted);
        w.Write(Burned);
        w.Write(Treasury);
    }

    public void ReadState(BinaryReader r)
    {
        Initial = r.ReadInt64();
        Minted = r.ReadInt64();
        Burned = r.ReadInt64();
        Treasury = r.ReadInt64();
    }
}

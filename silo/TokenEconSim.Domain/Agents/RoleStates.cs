using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// One role's agents in a shard, [From, To) in shard-local indices, with that role's own state as
/// parallel arrays sized for the segment: agent i of the shard is entry i − From of its role's
/// arrays. Every agent also has the shard-wide state (generator, balance, active flag, score) that
/// <see cref="AgentShard"/> keeps by shard-local index.
/// </summary>
internal abstract class RoleSegment
{
    protected RoleSegment(PopulationLayout layout, Role role, int first, int count)
    {
        var (from, to) = layout.Segment(role, first, count);
        (Role, From, To) = (role, from - first, to - first);
    }

    public Role Role { get; }

    /// <summary>The segment's first shard-local index.</summary>
    public int From { get; }

    /// <summary>One past the segment's last shard-local index.</summary>
    public int To { get; }

    public int Count => To - From;

    /// <summary>How many of <paramref name="role"/>'s agents the shard [first, first + count) holds.</summary>
    protected static int Length(PopulationLayout layout, Role role, int first, int count)
    {
        var (from, to) = layout.Segment(role, first, count);
        return to - from;
    }

    /// <summary>The role's arrays in exact bits, in a fixed order (a checkpoint).</summary>
    public abstract void WriteState(BinaryWriter w);

    public abstract void ReadState(BinaryReader r);
}

/// <summary>Data providers: this epoch's V_D = n·q (docs/model.md §2.1).</summary>
internal sealed class ProviderState(PopulationLayout layout, int first, int count)
    : RoleSegment(layout, Role.DataProvider, first, count)
{
    public readonly double[] DataValue = new double[Length(layout, Role.DataProvider, first, count)];

    public override void WriteState(BinaryWriter w) => StateIo.Write(w, DataValue);

    public override void ReadState(BinaryReader r) => StateIo.Read(r, DataValue);
}

/// <summary>
/// Trainers (docs/model.md §2.2, §10.3): a fixed speed (federated learning only), this epoch's GPU
/// hours g and, with synthetic learning, the U(0,1) draw u behind Δacc.
/// </summary>
internal sealed class TrainerState(PopulationLayout layout, int first, int count)
    : RoleSegment(layout, Role.Trainer, first, count)
{
    /// <summary>Fixed for the run: learning.trainer_speed, drawn at the start (federated learning only).</summary>
    public readonly double[] Speed = new double[Length(layout, Role.Trainer, first, count)];
    public readonly double[] GpuHours = new double[Length(layout, Role.Trainer, first, count)];
    public readonly double[] AccuracyDraw = new double[Length(layout, Role.Trainer, first, count)];

    public override void WriteState(BinaryWriter w)
    {
        StateIo.Write(w, Speed);
        StateIo.Write(w, GpuHours);
        StateIo.Write(w, AccuracyDraw);
    }

    public override void ReadState(BinaryReader r)
    {
        StateIo.Read(r, Speed);
        StateIo.Read(r, GpuHours);
        StateIo.Read(r, AccuracyDraw);
    }
}

/// <summary>Service users (docs/model.md §2.3): this epoch's usage V_U = Σ d_c and number of calls k.</summary>
internal sealed class UserState(PopulationLayout layout, int first, int count)
    : RoleSegment(layout, Role.ServiceUser, first, count)
{
    public readonly double[] Usage = new double[Length(layout, Role.ServiceUser, first, count)];
    public readonly long[] Calls = new long[Length(layout, Role.ServiceUser, first, count)];

    public override void WriteState(BinaryWriter w)
    {
        StateIo.Write(w, Usage);
        StateIo.Write(w, Calls);
    }

    public override void ReadState(BinaryReader r)
    {
        StateIo.Read(r, Usage);
        StateIo.Read(r, Calls);
    }
}

/// <summary>Validators (docs/model.md §2.4): a stake fixed for the run.</summary>
internal sealed class ValidatorState(PopulationLayout layout, int first, int count)
    : RoleSegment(layout, Role.Validator, first, count)
{
    public readonly double[] Stake = new double[Length(layout, Role.Validator, first, count)];

    public override void WriteState(BinaryWriter w) => StateIo.Write(w, Stake);

    public override void ReadState(BinaryReader r) => StateIo.Read(r, Stake);
}

/// <summary>Miners (docs/model.md §2.4): a hashrate fixed for the run.</summary>
internal sealed class MinerState(PopulationLayout layout, int first, int count)
    : RoleSegment(layout, Role.Miner, first, count)
{
    public readonly double[] Hashrate = new double[Length(layout, Role.Miner, first, count)];

    public override void WriteState(BinaryWriter w) => StateIo.Write(w, Hashrate);

    public override void ReadState(BinaryReader r) => StateIo.Read(r, Hashrate);
}

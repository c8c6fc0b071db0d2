using System.Runtime.InteropServices;
using TokenEconSim.Domain.Agents;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// One shard's agents as of one recorded epoch (outputs.agents, docs/model.md §17.8), as parallel arrays in agent-id order: the rows
/// of agents.parquet that shard contributes for that epoch. A shard fills one in three stages as the epoch moves through the pipeline
/// (docs/model.md §1.1): what the epoch's draw left (taking part, contribution values) when the epoch is charged and scored, what it was
/// paid and the balance after when it settles. Amounts are base units, as the shard counts them; the writer turns them into tokens.
/// </summary>
public sealed class AgentRows
{
    public AgentRows(int first, Role[] roles, bool responding)
    {
        (First, Roles) = (first, roles);
        var n = roles.Length;
        (Active, Balance, Reward, Fees, Slashed, Value, Calls) = (new bool[n], new long[n], new long[n], new long[n], new long[n],
            new double[n], new long[n]);
        Behaviour = responding ? new BehaviourRows(n) : null;
    }

    /// <summary>The epoch the rows are of (−1 while the buffer is free).</summary>
    public int Epoch { get; set; } = -1;

    /// <summary>The id of the first row's agent; the others follow one by one.</summary>
    public int First { get; }
    public Role[] Roles { get; }
    public int Count => Roles.Length;

    /// <summary>Took part in the epoch.</summary>
    public bool[] Active { get; }
    /// <summary>Balance after the epoch's settlement (a responding agent's bond not included).</summary>
    public long[] Balance { get; }
    /// <summary>Paid for the epoch: its share of the pool (or its absolute reward) and what consensus credited to it.</summary>
    public long[] Reward { get; }
    /// <summary>Fees paid for the epoch's calls (users).</summary>
    public long[] Fees { get; }
    /// <summary>Taken from the balance by consensus slashing at the epoch's settlement.</summary>
    public long[] Slashed { get; }
    /// <summary>The agent's own contribution value: V_D (providers), V_T (trainers), V_U (users); 0 when it did not take part.</summary>
    public double[] Value { get; }
    /// <summary>A user's calls in the epoch.</summary>
    public long[] Calls { get; }
    /// <summary>The responding populations' columns; null when no agent of the shard responds.</summary>
    public BehaviourRows? Behaviour { get; }

    /// <summary>Exact bits, for the wire (a shard grain's reply).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream(Count * (Behaviour is null ? 50 : 110) + 32);
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Epoch);
            w.Write(First);
            w.Write(Count);
            w.Write(Behaviour is not null);
            Put(w, Roles.AsSpan());
            Put(w, Active.AsSpan());
            foreach (var column in (long[][])[Balance, Reward, Fees, Slashed, Calls]) Put(w, column.AsSpan());
            Put(w, Value.AsSpan());
            Behaviour?.Write(w);
        }
        return buffer.ToArray();
    }

    public static AgentRows FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var (epoch, first, n, responding) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
        if (n < 0 || n > bytes.Length) throw new InvalidDataException($"agent rows: a count of {n} does not fit {bytes.Length} bytes");
        var roles = new Role[n];
        Take(r, roles.AsSpan());
        var rows = new AgentRows(first, roles, responding) { Epoch = epoch };
        Take(r, rows.Active.AsSpan());
        foreach (var column in (long[][])[rows.Balance, rows.Reward, rows.Fees, rows.Slashed, rows.Calls]) Take(r, column.AsSpan());
        Take(r, rows.Value.AsSpan());
        rows.Behaviour?.Read(r);
        return rows;
    }

    internal static void Put<T>(BinaryWriter w, ReadOnlySpan<T> values) where T : unmanaged => w.Write(MemoryMarshal.AsBytes(values));

    internal static void Take<T>(BinaryReader r, Span<T> into) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(into);
        if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException("agent rows: the bytes end early");
    }
}

/// <summary>
/// What the incentives layer adds to a row (docs/model.md §17): for an agent of a responding population, its epoch's outcome and its
/// totals over the epochs paid so far; <see cref="Responds"/> is false for the agents
/// of fixed populations, whose cells are null in the file.
/// </summary>
public sealed class BehaviourRows(int n)
{
    public bool[] Responds { get; } = new bool[n];
    /// <summary>Present (entered and not left) after the epoch's decision.</summary>
    public bool[] Present { get; } = new bool[n];
    /// <summary>Took part with a cheat, caught or not.</summary>
    public bool[] Cheated { get; } = new bool[n];
    /// <summary>Net cost of the epoch's action, tokens (a user's: its fees' cost less its calls' value).</summary>
    public double[] Cost { get; } = new double[n];
    /// <summary>Slashed from the bond for the epoch's caught cheat.</summary>
    public long[] BondSlashed { get; } = new long[n];
    /// <summary>Held in the bond after the epoch's decision.</summary>
    public long[] Bond { get; } = new long[n];
    public int[] EpochsActive { get; } = new int[n];
    public int[] CheatedEpochs { get; } = new int[n];
    public long[] RewardTotal { get; } = new long[n];
    public double[] CostTotal { get; } = new double[n];
    public long[] BondSlashedTotal { get; } = new long[n];

    internal void Write(BinaryWriter w)
    {
        foreach (var column in (bool[][])[Responds, Present, Cheated]) AgentRows.Put(w, column.AsSpan());
        foreach (var column in (long[][])[BondSlashed, Bond, RewardTotal, BondSlashedTotal]) AgentRows.Put(w, column.AsSpan());
        foreach (var column in (double[][])[Cost, CostTotal]) AgentRows.Put(w, column.AsSpan());
        foreach (var column in (int[][])[EpochsActive, CheatedEpochs]) AgentRows.Put(w, column.AsSpan());
    }

    internal void Read(BinaryReader r)
    {
        foreach (var column in (bool[][])[Responds, Present, Cheated]) AgentRows.Take(r, column.AsSpan());
        foreach (var column in (long[][])[BondSlashed, Bond, RewardTotal, BondSlashedTotal]) AgentRows.Take(r, column.AsSpan());
        foreach (var column in (double[][])[Cost, CostTotal]) AgentRows.Take(r, column.AsSpan());
        foreach (var column in (int[][])[EpochsActive, CheatedEpochs]) AgentRows.Take(r, column.AsSpan());
    }
}

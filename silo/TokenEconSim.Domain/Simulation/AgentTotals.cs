using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The responding agents' totals over the epochs paid so far, in agent-id order: what a shard reports at the end of a run
/// (<see cref="AgentShard.AgentTotals"/>) and, concatenated in shard order, the rows of the run's agents.csv (docs/model.md §17.8).
/// </summary>
/// <param name="Ids">Agent ids, ascending.</param>
/// <param name="Roles">Each agent's role (providers, trainers, users whose behaviour model is not fixed).</param>
/// <param name="Totals">Each agent's totals.</param>
public sealed record AgentTotals(int[] Ids, Role[] Roles, AgentTotal[] Totals)
{
    public int Count => Ids.Length;

    /// <summary>
    /// The shards' totals in shard order (= agent-id order); null when no shard has responding agents' state (every population fixed).
    /// </summary>
    public static AgentTotals? Concat(IReadOnlyList<AgentTotals?> parts)
    {
        if (parts.All(p => p is null)) return null;
        var n = parts.Sum(p => p?.Count ?? 0);
        var (ids, roles, totals) = (new int[n], new Role[n], new AgentTotal[n]);
        var at = 0;
        foreach (var p in parts)
        {
            if (p is null) continue;
            p.Ids.CopyTo(ids, at);
            p.Roles.CopyTo(roles, at);
            p.Totals.CopyTo(totals, at);
            at += p.Count;
        }
        for (var k = 1; k < n; k++)
            if (ids[k] <= ids[k - 1]) throw new InvalidOperationException($"agent totals out of id order: {ids[k - 1]} then {ids[k]}");
        return new AgentTotals(ids, roles, totals);
    }

    /// <summary>Exact bits, for the wire (the shard grains' reply).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream(16 + Count * 50);
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Count);
            for (var k = 0; k < Count; k++)
            {
                var t = Totals[k];
                w.Write(Ids[k]);
                w.Write((byte)Roles[k]);
                w.Write(t.Present);
                w.Write(t.EpochsActive);
                w.Write(t.CheatedEpochs);
                w.Write(t.Reward);
                w.Write(t.Cost);
                w.Write(t.Slashed);
                w.Write(t.Bond);
            }
        }
        return buffer.ToArray();
    }

    public static AgentTotals FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var n = r.ReadInt32();
        if (n < 0 || n > bytes.Length) throw new InvalidDataException($"agent totals: a count of {n} does not fit {bytes.Length} bytes");
        var (ids, roles, totals) = (new int[n], new Role[n], new AgentTotal[n]);
        for (var k = 0; k < n; k++)
        {
            ids[k] = r.ReadInt32();
            roles[k] = (Role)r.ReadByte();
            totals[k] = new AgentTotal(r.ReadBoolean(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        }
        return new AgentTotals(ids, roles, totals);
    }
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// What the shards report about the responding populations (docs/model.md §17) on one step: per
/// role, the tally of the epoch drawn (decisions) or settled (outcomes), the contribution units of
/// the drawn epoch that will be paid for (caught cheats excluded), the slash burned and the tokens
/// held in bonds. Counts are integers and real sums exact, so shards merge in any grouping.
/// </summary>
public sealed record BehaviourReport(BehaviourTally[] ByRole, Int128[] UnitsByRole)
{
    /// <summary>Base units slashed from bonds at this settlement (burned).</summary>
    public long Slashed { get; init; }

    /// <summary>Base units bonded (and slashed but not yet burned) after the settlement: tokens the agents hold outside their balances.</summary>
    public long BondHeld { get; init; }

    public static BehaviourReport Empty() => new(new BehaviourTally[Roles.Count], new Int128[Roles.Count]);

    public static BehaviourReport? Merge(IReadOnlyList<BehaviourReport?> parts)
    {
        if (parts.Count == 0 || parts[0] is null) return null;
        var merged = Empty();
        long slashed = 0, held = 0;
        foreach (var p in parts)
        {
            if (p is null) continue;
            for (var r = 0; r < Roles.Count; r++)
            {
                merged.ByRole[r].Merge(p.ByRole[r]);
                merged.UnitsByRole[r] += p.UnitsByRole[r];
            }
            slashed += p.Slashed;
            held += p.BondHeld;
        }
        return merged with { Slashed = slashed, BondHeld = held };
    }

    /// <summary>The report in an exact binary form (what travels between silos).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Slashed);
            w.Write(BondHeld);
            for (var r = 0; r < Roles.Count; r++)
            {
                var t = ByRole[r];
                foreach (var n in (ReadOnlySpan<int>)[t.Active, t.Entries, t.Exits, t.Cheats, t.Caught, t.Settled, t.Profitable, t.CheatsSettled,
                    t.Present])
                    w.Write(n);
                foreach (var x in (ReadOnlySpan<Int128>)[t.Effort.Raw, t.Cost.Raw, t.Profit.Raw, t.CheatProfit.Raw, UnitsByRole[r]])
                    WriteInt128(w, x);
                w.Write(t.Reward);
                w.Write(t.Slashed);
                w.Write(t.Bonded);
            }
        }
        return buffer.ToArray();
    }

    public static BehaviourReport FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var (slashed, held) = (r.ReadInt64(), r.ReadInt64());
        var report = Empty() with { Slashed = slashed, BondHeld = held };
        for (var k = 0; k < Roles.Count; k++)
        {
            ref var t = ref report.ByRole[k];
            (t.Active, t.Entries, t.Exits, t.Cheats, t.Caught) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            (t.Settled, t.Profitable, t.CheatsSettled, t.Present) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            (t.Effort, t.Cost, t.Profit, t.CheatProfit) =
                (new ExactSum(ReadInt128(r)), new ExactSum(ReadInt128(r)), new ExactSum(ReadInt128(r)), new ExactSum(ReadInt128(r)));
            report.UnitsByRole[k] = ReadInt128(r);
            (t.Reward, t.Slashed, t.Bonded) = (r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
        }
        return report;
    }

    private static void WriteInt128(BinaryWriter w, Int128 x)
    {
        w.Write((ulong)x);
        w.Write((ulong)(x >> 64));
    }

    private static Int128 ReadInt128(BinaryReader r)
    {
        var low = r.ReadUInt64();
        return new Int128(r.ReadUInt64(), low);
    }
}

/// <summary>The terms of each role's epoch (default for a fixed role) as flat numbers, for the wire.</summary>
public static class BehaviourTerms
{
    private const int Fields = 5;

    public static double[] ToArray(EpochTerms[] terms)
    {
        var flat = new double[terms.Length * Fields];
        for (var r = 0; r < terms.Length; r++)
        {
            var t = terms[r];
            (flat[r * Fields], flat[r * Fields + 1], flat[r * Fields + 2]) = (t.RewardPerUnit, t.TokensPerNumeraire, t.DetectionProbability);
            (flat[r * Fields + 3], flat[r * Fields + 4]) = (t.ValuePerCall, t.LookBackProfit);
        }
        return flat;
    }

    public static EpochTerms[] FromArray(double[] flat)
    {
        var terms = new EpochTerms[flat.Length / Fields];
        for (var r = 0; r < terms.Length; r++)
            terms[r] = new EpochTerms(flat[r * Fields], flat[r * Fields + 1], flat[r * Fields + 2], flat[r * Fields + 3], flat[r * Fields + 4]);
        return terms;
    }
}

using TokenEconSim.Domain.Governance;
using E = TokenEconSim.Domain.Simulation.EconomyColumns;

namespace TokenEconSim.Domain.Simulation;

/// <summary>One creator's marketplace activity in an epoch (a row of marketplace.csv).</summary>
public readonly record struct CreatorSales(int Creator, int Published, int Purchases, long Revenue);

/// <summary>
/// The token economy's part of an epoch's row (governance, market, marketplace), as the economy
/// computes it: its <see cref="EconomyColumns"/> values, which the row copies, and the epoch's votes
/// and sales. With the three features off it is <see cref="None"/>: zeros, and the token price 1.
/// </summary>
public sealed record EconomyMetrics : MetricValues
{
    public static readonly EconomyMetrics None = new();

    public EconomyMetrics() { }

    /// <summary>The economy part of a serialized row: its values and records.</summary>
    internal static EconomyMetrics Restore(EpochMetrics row, IReadOnlyList<ProposalRecord> proposals, IReadOnlyList<CreatorSales> sales)
    {
        ArgumentNullException.ThrowIfNull(row);
        var economy = new EconomyMetrics { Proposals = proposals, Sales = sales };
        economy.CopyGroup(EconomyColumns.Group, row);
        return economy;
    }

    /// <summary>The votes held this epoch (governance.csv).</summary>
    public IReadOnlyList<ProposalRecord> Proposals { get; init; } = [];
    /// <summary>Creators with activity this epoch, in id order (marketplace.csv).</summary>
    public IReadOnlyList<CreatorSales> Sales { get; init; } = [];

    public int ProposalsOpen { get => this[E.ProposalsOpen]; init => this[E.ProposalsOpen] = value; }
    public int ProposalsPassed { get => this[E.ProposalsPassed]; init => this[E.ProposalsPassed] = value; }
    public int ProposalsFailed { get => this[E.ProposalsFailed]; init => this[E.ProposalsFailed] = value; }
    public int ModelsPublished { get => this[E.ModelsPublished]; init => this[E.ModelsPublished] = value; }
    public int Purchases { get => this[E.Purchases]; init => this[E.Purchases] = value; }
    public long Revenue { get => this[E.Revenue]; init => this[E.Revenue] = value; }
    public int PurchasesFailed { get => this[E.PurchasesFailed]; init => this[E.PurchasesFailed] = value; }
    public double TokenPrice { get => this[E.TokenPrice]; init => this[E.TokenPrice] = value; }
    public long ReserveToken { get => this[E.ReserveToken]; init => this[E.ReserveToken] = value; }
    public long ReserveStable { get => this[E.ReserveStable]; init => this[E.ReserveStable] = value; }
    public long TokensSold { get => this[E.TokensSold]; init => this[E.TokensSold] = value; }
    public long TokensBought { get => this[E.TokensBought]; init => this[E.TokensBought] = value; }
    public int MinersOff { get => this[E.MinersOff]; init => this[E.MinersOff] = value; }

    /// <summary>The records (votes and sales) in an exact binary form; the values travel with the row's.</summary>
    public void WriteRecords(BinaryWriter w)
    {
        w.Write(Proposals.Count);
        foreach (var p in Proposals)
        {
            w.Write(p.Id); w.Write(p.Epoch); w.Write((int)p.Kind); w.Write(p.Alpha); w.Write(p.Beta); w.Write(p.Gamma);
            w.Write(p.YesStake); w.Write(p.NoStake); w.Write(p.AbstainStake); w.Write(p.QuorumMet); w.Write(p.Passed); w.Write(p.EffectiveEpoch);
        }
        w.Write(Sales.Count);
        foreach (var s in Sales) { w.Write(s.Creator); w.Write(s.Published); w.Write(s.Purchases); w.Write(s.Revenue); }
    }

    /// <summary>The records written by <see cref="WriteRecords"/>.</summary>
    public static (ProposalRecord[] Proposals, CreatorSales[] Sales) ReadRecords(BinaryReader r)
    {
        var proposals = new ProposalRecord[r.ReadInt32()];
        for (var i = 0; i < proposals.Length; i++)
            proposals[i] = new ProposalRecord(r.ReadInt32(), r.ReadInt32(), (ProposalKind)r.ReadInt32(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadBoolean(), r.ReadBoolean(), r.ReadInt32());
        var sales = new CreatorSales[r.ReadInt32()];
        for (var i = 0; i < sales.Length; i++) sales[i] = new CreatorSales(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64());
        return (proposals, sales);
    }
}

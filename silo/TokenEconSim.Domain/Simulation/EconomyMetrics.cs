using TokenEconSim.Domain.Governance;

namespace TokenEconSim.Domain.Simulation;

/// <summary>One creator's marketplace activity in an epoch (a row of marketplace.csv).</summary>
public readonly record struct CreatorSales(int Creator, int Published, int Purchases, long Revenue);

/// <summary>
/// The token economy's part of an epoch's metrics row (governance, market, marketplace). With the
/// three features off it is <see cref="None"/>: zeros, and the token price 1.
/// </summary>
public sealed record EconomyMetrics
{
    public static readonly EconomyMetrics None = new();

    /// <summary>Passed proposals waiting for their timelock at the end of the epoch.</summary>
    public int ProposalsOpen { get; init; }
    public int ProposalsPassed { get; init; }
    public int ProposalsFailed { get; init; }
    /// <summary>The votes held this epoch (governance.csv).</summary>
    public IReadOnlyList<ProposalRecord> Proposals { get; init; } = [];
    public int ModelsPublished { get; init; }
    public int Purchases { get; init; }
    /// <summary>Tokens (base units) paid to creators for this epoch's purchases.</summary>
    public long Revenue { get; init; }
    /// <summary>Purchases refused for an insufficient balance.</summary>
    public int PurchasesFailed { get; init; }
    /// <summary>Creators with activity this epoch, in id order (marketplace.csv).</summary>
    public IReadOnlyList<CreatorSales> Sales { get; init; } = [];
    /// <summary>Stable per token after the epoch's swaps (1 without a market).</summary>
    public double TokenPrice { get; init; } = 1;
    public long ReserveToken { get; init; }
    public long ReserveStable { get; init; }
    public long TokensSold { get; init; }
    public long TokensBought { get; init; }
    public int MinersOff { get; init; }

    public void Write(BinaryWriter w)
    {
        w.Write(ProposalsOpen); w.Write(ProposalsPassed); w.Write(ProposalsFailed);
        w.Write(Proposals.Count);
        foreach (var p in Proposals)
        {
            w.Write(p.Id); w.Write(p.Epoch); w.Write((int)p.Kind); w.Write(p.Alpha); w.Write(p.Beta); w.Write(p.Gamma);
            w.Write(p.YesStake); w.Write(p.NoStake); w.Write(p.AbstainStake); w.Write(p.QuorumMet); w.Write(p.Passed); w.Write(p.EffectiveEpoch);
        }
        w.Write(ModelsPublished); w.Write(Purchases); w.Write(Revenue); w.Write(PurchasesFailed);
        w.Write(Sales.Count);
        foreach (var s in Sales) { w.Write(s.Creator); w.Write(s.Published); w.Write(s.Purchases); w.Write(s.Revenue); }
        w.Write(TokenPrice); w.Write(ReserveToken); w.Write(ReserveStable); w.Write(TokensSold); w.Write(TokensBought); w.Write(MinersOff);
    }

    public static EconomyMetrics Read(BinaryReader r)
    {
        var (open, passed, failed) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        var proposals = new ProposalRecord[r.ReadInt32()];
        for (var i = 0; i < proposals.Length; i++)
            proposals[i] = new ProposalRecord(r.ReadInt32(), r.ReadInt32(), (ProposalKind)r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadBoolean(), r.ReadBoolean(), r.ReadInt32());
        var (published, purchases, revenue, purchasesFailed) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt32());
        var sales = new CreatorSales[r.ReadInt32()];
        for (var i = 0; i < sales.Length; i++) sales[i] = new CreatorSales(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64());
        return new EconomyMetrics
        {
            ProposalsOpen = open, ProposalsPassed = passed, ProposalsFailed = failed, Proposals = proposals,
            ModelsPublished = published, Purchases = purchases, Revenue = revenue, PurchasesFailed = purchasesFailed, Sales = sales,
            TokenPrice = r.ReadDouble(), ReserveToken = r.ReadInt64(), ReserveStable = r.ReadInt64(), TokensSold = r.ReadInt64(),
            TokensBought = r.ReadInt64(), MinersOff = r.ReadInt32(),
        };
    }
}

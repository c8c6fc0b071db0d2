using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts.Surrogates;

// Orleans codecs for the token economy's messages (see ShardMessageSurrogates.cs for why
// surrogates). Agent credits travel as parallel id/units arrays, as in SettleOrderSurrogate.

[GenerateSerializer, Immutable, Alias("TokenEconSim.EconomyOrder")]
public readonly record struct EconomyOrderSurrogate(
    [property: Id(0)] int Epoch, [property: Id(1)] double TokenPrice,
    [property: Id(2)] int[] DeliveryAgents, [property: Id(3)] long[] DeliveryUnits,
    [property: Id(4)] int[] SellAgents, [property: Id(5)] long[] SellUnits,
    [property: Id(6)] int[] ListingCreators, [property: Id(7)] long[] ListingPrices);

[RegisterConverter]
public sealed class EconomyOrderConverter : IConverter<EconomyOrder, EconomyOrderSurrogate>
{
    public EconomyOrder ConvertFromSurrogate(in EconomyOrderSurrogate s) =>
        new(s.Epoch, s.TokenPrice, EconomySurrogates.Credits(s.DeliveryAgents, s.DeliveryUnits), EconomySurrogates.Credits(s.SellAgents, s.SellUnits),
            s.ListingCreators ?? [], s.ListingPrices ?? []);

    public EconomyOrderSurrogate ConvertToSurrogate(in EconomyOrder v) =>
        new(v.Epoch, v.TokenPrice, [.. v.Deliveries.Select(c => c.AgentId)], [.. v.Deliveries.Select(c => c.Units)],
            [.. v.MinerSells.Select(c => c.AgentId)], [.. v.MinerSells.Select(c => c.Units)], v.ListingCreators, v.ListingPrices);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.EconomyReport")]
public readonly record struct EconomyReportSurrogate(
    [property: Id(0)] int[] Buyers, [property: Id(1)] int[] Creators, [property: Id(2)] long[] Prices, [property: Id(3)] int FailedPurchases,
    [property: Id(4)] int[] Publishers, [property: Id(5)] long[] PublishedPrices,
    [property: Id(6)] int[] Sellers, [property: Id(7)] long[] SoldUnits,
    [property: Id(8)] int[] StableBuyers, [property: Id(9)] long[] StableIn);

[RegisterConverter]
public sealed class EconomyReportConverter : IConverter<EconomyReport, EconomyReportSurrogate>
{
    public EconomyReport ConvertFromSurrogate(in EconomyReportSurrogate s) =>
        new(s.Buyers ?? [], s.Creators ?? [], s.Prices ?? [], s.FailedPurchases, s.Publishers ?? [], s.PublishedPrices ?? [],
            s.Sellers ?? [], s.SoldUnits ?? [], s.StableBuyers ?? [], s.StableIn ?? []);

    public EconomyReportSurrogate ConvertToSurrogate(in EconomyReport v) =>
        new(v.Buyers, v.Creators, v.Prices, v.FailedPurchases, v.Publishers, v.PublishedPrices, v.Sellers, v.SoldUnits, v.StableBuyers, v.StableIn);
}

internal static class EconomySurrogates
{
    public static AgentCredit[] Credits(int[]? agents, long[]? units) =>
        [.. (agents ?? []).Zip(units ?? [], (id, u) => new AgentCredit(id, u))];

    /// <summary>Null for <see cref="EconomyMetrics.None"/>, so a run without the economy sends nothing more.</summary>
    public static byte[]? WriteRecords(EconomyMetrics m)
    {
        if (ReferenceEquals(m, EconomyMetrics.None)) return null;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream)) m.WriteRecords(w);
        return stream.ToArray();
    }

    public static (IReadOnlyList<ProposalRecord>, IReadOnlyList<CreatorSales>)? ReadRecords(byte[]? bytes)
    {
        if (bytes is null) return null;
        using var r = new BinaryReader(new MemoryStream(bytes));
        return EconomyMetrics.ReadRecords(r);
    }
}

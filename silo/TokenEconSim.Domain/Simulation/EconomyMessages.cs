namespace TokenEconSim.Domain.Simulation;

// What the epoch loop and the shards say about the token economy (market and marketplace). It
// rides on the settle part of a step: tokens move between agents only as debits and credits in
// the shards, in agent-id order, and whatever is between two agents (a purchase on its way to the
// creator, tokens bought from the pool) sits in a ledger account of the loop meanwhile.

/// <summary>
/// The economy's part of a settlement. <see cref="Deliveries"/> are credits owed since the last
/// barrier (marketplace revenue, tokens bought); <see cref="MinerSells"/> the tokens each running
/// miner wants to sell to pay its electricity; the listings are the marketplace's catalogue.
/// </summary>
public sealed record EconomyOrder(int Epoch, double TokenPrice, AgentCredit[] Deliveries, AgentCredit[] MinerSells,
    int[] ListingCreators, long[] ListingPrices);

/// <summary>
/// A shard's trades, each list in agent-id order: successful purchases (buyer, creator, price),
/// publications (creator, price), tokens debited for sale, stable offered for tokens.
/// </summary>
public sealed record EconomyReport(
    int[] Buyers, int[] Creators, long[] Prices, int FailedPurchases,
    int[] Publishers, long[] PublishedPrices,
    int[] Sellers, long[] SoldUnits,
    int[] StableBuyers, long[] StableIn)
{
    public static EconomyReport Merge(IReadOnlyList<EconomyReport> parts)
    {
        var failed = 0;
        foreach (var p in parts) failed += p.FailedPurchases;
        // Parts arrive in shard order and shards are id ranges: concatenation keeps id order.
        return new EconomyReport(
            [.. parts.SelectMany(p => p.Buyers)], [.. parts.SelectMany(p => p.Creators)], [.. parts.SelectMany(p => p.Prices)], failed,
            [.. parts.SelectMany(p => p.Publishers)], [.. parts.SelectMany(p => p.PublishedPrices)],
            [.. parts.SelectMany(p => p.Sellers)], [.. parts.SelectMany(p => p.SoldUnits)],
            [.. parts.SelectMany(p => p.StableBuyers)], [.. parts.SelectMany(p => p.StableIn)]);
    }
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Marketplace;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Market;

/// <summary>
/// The run-level side of the market and the marketplace, at the epoch barrier. It owns two ledger
/// accounts besides the treasury: the pool's token reserve and the tokens owed to agents (purchases
/// on their way to creators, tokens bought from the pool), delivered as credits in the next
/// settlement. The ledger identity is Σ balances + treasury + <see cref="Held"/> = supply.
/// Swaps run once per epoch, one agent at a time in id order, against the pool (docs/model.md §12).
/// </summary>
public sealed class TokenEconomy
{
    private readonly RunModel _model;
    private readonly List<AgentCredit> _owed = [];
    private long _owedTotal;
    private long _inFlight;

    private TokenEconomy(RunModel model)
    {
        _model = model;
        var s = model.Scenario;
        if (s.Market.Enabled)
        {
            Pool = new ConstantProductPool(TokenUnits.FromTokens(s.Market.ReserveToken), TokenUnits.FromTokens(s.Market.ReserveStable),
                (long)Math.Round(s.Market.Fee * ConstantProductPool.FeeScale, MidpointRounding.AwayFromZero));
            var miners = model.Layout.CountOf(Role.Miner);
            if (s.Consensus.Kind == ConsensusKind.Pow && miners > 0)
                Miners = new MinerSwitch(s.Market.ElectricityCost, s.Market.Hysteresis, model.RunSeed, model.Layout.Start(Role.Miner), miners);
        }
        if (s.Marketplace.Enabled) Catalogue = new Catalogue(s.Marketplace.MaxListings);
    }

    /// <summary>Null when neither the market nor the marketplace is enabled: the loop then does nothing extra.</summary>
    public static TokenEconomy? Create(RunModel model) =>
        model.Scenario.Market.Enabled || model.Scenario.Marketplace.Enabled ? new TokenEconomy(model) : null;

    public ConstantProductPool? Pool { get; }
    public MinerSwitch? Miners { get; }
    public Catalogue? Catalogue { get; }

    /// <summary>Tokens in the economy's ledger accounts: the pool's reserve and what is owed to agents.</summary>
    public long Held => (Pool?.ReserveToken ?? 0) + _owedTotal + _inFlight;

    /// <summary>Stable per token; 1 without a market.</summary>
    public double Price => Pool?.Price ?? 1.0;

    /// <summary>Tokens to base units, rounding down; 0 for nothing, negative or NaN, capped far below overflow.</summary>
    public static long Units(double tokens)
    {
        if (!(tokens > 0)) return 0;
        var units = Math.Floor(tokens * TokenUnits.PerToken);
        return units >= 1e17 ? (long)1e17 : (long)units;
    }

    /// <summary>The economy's part of the next settlement: what is owed is handed over (in flight until the shards report).</summary>
    public EconomyOrder NextOrder(int epoch)
    {
        AgentCredit[] deliveries = [.. _owed];
        _inFlight += _owedTotal;
        _owed.Clear();
        _owedTotal = 0;
        return new EconomyOrder(epoch, Price, deliveries, Miners?.Sells(Price) ?? [],
            Catalogue?.Creators() ?? [], Catalogue?.Prices() ?? []);
    }

    /// <summary>The shards' trades of one settlement: listings, purchases owed to creators, swaps in id order, miners re-decided.</summary>
    public EconomyMetrics Process(EconomyReport r, int epoch)
    {
        _inFlight = 0; // the deliveries of the order are now in the balances
        var sales = new SortedDictionary<int, CreatorSales>();
        for (var k = 0; k < r.Publishers.Length; k++)
        {
            Catalogue!.Publish(r.Publishers[k], r.PublishedPrices[k], epoch);
            Tally(sales, r.Publishers[k], published: 1, purchases: 0, revenue: 0);
        }
        long revenue = 0;
        for (var k = 0; k < r.Buyers.Length; k++)
        {
            Owe(r.Creators[k], r.Prices[k]);
            revenue += r.Prices[k];
            Tally(sales, r.Creators[k], published: 0, purchases: 1, revenue: r.Prices[k]);
        }
        var (sold, bought) = Pool is null ? (0L, 0L) : Swap(r);
        Miners?.Update(BlockTokens(epoch), Price);
        return new EconomyMetrics
        {
            ModelsPublished = r.Publishers.Length, Purchases = r.Buyers.Length, Revenue = revenue, PurchasesFailed = r.FailedPurchases,
            Sales = [.. sales.Values], TokenPrice = Price, ReserveToken = Pool?.ReserveToken ?? 0, ReserveStable = Pool?.ReserveStable ?? 0,
            TokensSold = sold, TokensBought = bought, MinersOff = Miners?.Off ?? 0,
        };
    }

    /// <summary>Sells and buys merged in agent-id order, one swap each against the pool.</summary>
    private (long Sold, long Bought) Swap(EconomyReport r)
    {
        var pool = Pool!;
        long sold = 0, bought = 0;
        var (i, j) = (0, 0);
        while (i < r.Sellers.Length || j < r.StableBuyers.Length)
        {
            if (j >= r.StableBuyers.Length || (i < r.Sellers.Length && r.Sellers[i] <= r.StableBuyers[j]))
            {
                pool.SellToken(r.SoldUnits[i]); // the stable paid out leaves the model (agents' stable is not tracked)
                sold += r.SoldUnits[i++];
                continue;
            }
            var tokens = pool.BuyToken(r.StableIn[j]);
            Owe(r.StableBuyers[j++], tokens);
            bought += tokens;
        }
        return (sold, bought);
    }

    /// <summary>Expected block tokens of an epoch: (L / T) blocks × the halved block reward.</summary>
    private double BlockTokens(int epoch)
    {
        var s = _model.Scenario;
        var perBlock = Emission.Halved(_model.BlockRewardUnits, epoch, s.Token.HalvingInterval);
        return s.Run.EpochLength / s.Consensus.TargetBlockTime * TokenUnits.ToTokens(perBlock);
    }

    private void Owe(int agent, long units)
    {
        if (units <= 0) return;
        _owed.Add(new AgentCredit(agent, units));
        _owedTotal += units;
    }

    private static void Tally(SortedDictionary<int, CreatorSales> sales, int creator, int published, int purchases, long revenue)
    {
        var s = sales.GetValueOrDefault(creator, new CreatorSales(creator, 0, 0, 0));
        sales[creator] = s with { Published = s.Published + published, Purchases = s.Purchases + purchases, Revenue = s.Revenue + revenue };
    }

    public void WriteState(BinaryWriter w)
    {
        w.Write(_owed.Count);
        foreach (var o in _owed) { w.Write(o.AgentId); w.Write(o.Units); }
        w.Write(_owedTotal);
        w.Write(_inFlight);
        w.Write(Pool is not null);
        Pool?.WriteState(w);
        Miners?.WriteState(w);
        Catalogue?.WriteState(w);
    }

    /// <summary>Restores into an economy made by <see cref="Create"/> for the same scenario.</summary>
    public void ReadState(BinaryReader r)
    {
        _owed.Clear();
        var n = r.ReadInt32();
        for (var k = 0; k < n; k++) _owed.Add(new AgentCredit(r.ReadInt32(), r.ReadInt64()));
        _owedTotal = r.ReadInt64();
        _inFlight = r.ReadInt64();
        if (r.ReadBoolean()) Pool!.Restore(ConstantProductPool.ReadState(r));
        Miners?.ReadState(r);
        Catalogue?.ReadState(r);
    }
}

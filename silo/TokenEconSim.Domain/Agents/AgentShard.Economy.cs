using TokenEconSim.Domain.Market;
using TokenEconSim.Domain.Marketplace;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Agents;

// The token economy's side of AgentShard (docs/model.md §12–§13): deliveries credited, marketplace
// publications and purchases, tokens sold to pay costs and stable offered for tokens. Runs inside
// Settle, before the balances are sorted, and only when a settle order carries an economy order
// (so an economy without market and marketplace never comes here). The marketplace draws come from
// a second stream per agent, so switching it on shifts none of the agents' contribution draws.
public sealed partial class AgentShard
{
    private MarketplaceStreams? _marketplaceStreams;

    /// <summary>The marketplace streams of this shard's agents (null until the marketplace first trades).</summary>
    public MarketplaceStreams? MarketplaceState => _marketplaceStreams;

    /// <summary>Puts back streams saved with <see cref="MarketplaceStreams.WriteState"/> (a checkpoint).</summary>
    public void RestoreMarketplaceState(MarketplaceStreams? state) => _marketplaceStreams = state;

    private EconomyReport Trade(EconomyOrder order)
    {
        foreach (var d in order.Deliveries)
        {
            var i = d.AgentId - First;
            if ((uint)i < (uint)Count) _balance[i] += d.Units;
        }
        var r = new TradeLists();
        if (_model.Scenario.Marketplace.Enabled) TradeModels(order, r);
        if (_model.Scenario.Market.Enabled) TradeTokens(order, r);
        return new EconomyReport([.. r.Buyers], [.. r.Creators], [.. r.Prices], r.Failed, [.. r.Publishers], [.. r.Published],
            [.. r.Sellers], [.. r.Sold], [.. r.StableBuyers], [.. r.StableIn]);
    }

    private sealed class TradeLists
    {
        public readonly List<int> Buyers = [], Creators = [], Publishers = [], Sellers = [], StableBuyers = [];
        public readonly List<long> Prices = [], Published = [], Sold = [], StableIn = [];
        public int Failed;
    }

    /// <summary>Active trainers publish with publish_probability; active users buy one uniformly chosen listing with purchase_probability.</summary>
    private void TradeModels(EconomyOrder order, TradeLists r)
    {
        var rules = _model.Scenario.Marketplace;
        var streams = _marketplaceStreams ??= new MarketplaceStreams(_model.RunSeed, First, Count);
        var rng = _rng;
        for (var i = _trainers.From; i < _trainers.To; i++)
        {
            if (!_active[i]) continue;
            streams.Load(rng, i);
            if (rng.NextDouble() < rules.PublishProbability)
            {
                r.Publishers.Add(First + i);
                r.Published.Add(TokenEconomy.Units(rules.Price.Sample(rng)));
            }
            streams.Store(rng, i);
        }
        var listings = order.ListingPrices.Length;
        for (var i = _users.From; i < _users.To; i++)
        {
            if (!_active[i] || listings == 0) continue;
            streams.Load(rng, i);
            if (rng.NextDouble() < rules.PurchaseProbability)
            {
                var k = Math.Min(listings - 1, (int)(rng.NextDouble() * listings));
                var price = order.ListingPrices[k];
                if (Purchase.TryPay(ref _balance[i], price, out _))
                {
                    r.Buyers.Add(First + i);
                    r.Creators.Add(order.ListingCreators[k]);
                    r.Prices.Add(price);
                }
                else r.Failed++;
            }
            streams.Store(rng, i);
        }
    }

    /// <summary>Trainers and running miners sell tokens for their costs (capped at max_sell_fraction of the balance); users offer stable for the
    /// tokens their calls cost.</summary>
    private void TradeTokens(EconomyOrder order, TradeLists r)
    {
        var market = _model.Scenario.Market;
        var cap = UnitFraction.FromDouble(market.MaxSellFraction);
        var trainers = _trainers;
        for (var i = trainers.From; i < trainers.To; i++)
            if (_active[i]) Sell(i, TokenEconomy.Units(trainers.GpuHours[i - trainers.From] * market.GpuCost / order.TokenPrice), cap, r);
        foreach (var sell in order.MinerSells)
        {
            var i = sell.AgentId - First;
            if ((uint)i < (uint)Count) Sell(i, sell.Units, cap, r);
        }
        var feePerCall = TokenUnits.FromTokens(_model.Scenario.Token.FeePerCall);
        var users = _users;
        for (var i = users.From; i < users.To; i++)
        {
            if (!_active[i]) continue;
            var calls = (double)users.Calls[i - users.From];
            var stable = TokenEconomy.Units(calls * feePerCall * market.UserBuyFraction * order.TokenPrice / TokenUnits.PerToken);
            if (stable <= 0) continue;
            r.StableBuyers.Add(First + i);
            r.StableIn.Add(stable);
        }
    }

    private void Sell(int i, long wanted, UnitFraction cap, TradeLists r)
    {
        var units = Math.Min(wanted, cap.Of(_balance[i]));
        if (units <= 0) return;
        _balance[i] -= units;
        r.Sellers.Add(First + i);
        r.Sold.Add(units);
    }
}

/// <summary>The marketplace's own random stream per agent of a shard: (run seed, agent id, marketplace).</summary>
public sealed class MarketplaceStreams
{
    private readonly ulong[] _state;

    public MarketplaceStreams(long runSeed, int first, int count)
    {
        _state = new ulong[count * 4];
        var rng = new Xoshiro256StarStar(0);
        for (var i = 0; i < count; i++)
        {
            rng.Reseed(Seeds.ForAgent(runSeed, first + i, RngPurpose.Marketplace));
            rng.Store(_state, i);
        }
    }

    private MarketplaceStreams(ulong[] state) => _state = state;

    public void Load(Xoshiro256StarStar rng, int i) => rng.Load(_state, i);

    public void Store(Xoshiro256StarStar rng, int i) => rng.Store(_state, i);

    public void WriteState(BinaryWriter w)
    {
        w.Write(_state.Length);
        foreach (var s in _state) w.Write(s);
    }

    public static MarketplaceStreams ReadState(BinaryReader r)
    {
        var state = new ulong[r.ReadInt32()];
        for (var i = 0; i < state.Length; i++) state[i] = r.ReadUInt64();
        return new MarketplaceStreams(state);
    }
}

using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Governance, token market and marketplace (docs/model.md §11–13), after the other columns. Always
/// written: with the three features off they are zero, and the token price 1.
/// </summary>
public static class EconomyColumns
{
    public static readonly MetricGroup Group = new("economy", "governance, token market and marketplace (zero, price 1, when off)");

    /// <summary>Passed proposals waiting for their timelock at the end of the epoch.</summary>
    public static readonly MetricColumn<int> ProposalsOpen = Group.Declare<int>("proposals_open", MetricUnit.Count,
        "passed proposals waiting for their timelock", None);
    public static readonly MetricColumn<int> ProposalsPassed = Group.Declare<int>("proposals_passed", MetricUnit.Count,
        "proposals passed by this epoch's votes", None);
    public static readonly MetricColumn<int> ProposalsFailed = Group.Declare<int>("proposals_failed", MetricUnit.Count,
        "proposals failed by this epoch's votes", None);
    public static readonly MetricColumn<int> ModelsPublished = Group.Declare<int>("models_published", MetricUnit.Count,
        "models listed in the marketplace", None);
    public static readonly MetricColumn<int> Purchases = Group.Declare<int>("marketplace_purchases", MetricUnit.Count,
        "model purchases (marketplace volume)", None);
    /// <summary>Tokens (base units) paid to creators for this epoch's purchases.</summary>
    public static readonly MetricColumn<long> Revenue = Group.Declare<long>("marketplace_revenue", MetricUnit.Tokens,
        "tokens paid by buyers to creators", None);
    /// <summary>Purchases refused for an insufficient balance.</summary>
    public static readonly MetricColumn<int> PurchasesFailed = Group.Declare<int>("purchases_failed", MetricUnit.Count,
        "purchases refused for an insufficient balance", None);
    /// <summary>Stable per token after the epoch's swaps (1 without a market).</summary>
    public static readonly MetricColumn<double> TokenPrice = Group.Declare("token_price", MetricUnit.Value,
        "stable per token after the epoch's swaps (1 without a market)",
        [Png.TokenPrice.Series("Token price")], 1.0);
    public static readonly MetricColumn<long> ReserveToken = Group.Declare<long>("amm_reserve_token", MetricUnit.Tokens, "tokens in the market pool",
        [Png.TokenPrice.Series("Token reserve", rightAxis: true)]);
    public static readonly MetricColumn<long> ReserveStable = Group.Declare<long>("amm_reserve_stable", MetricUnit.Tokens,
        "stable units in the market pool (10^-8 units like tokens)", [Png.TokenPrice.Series("Stable reserve", rightAxis: true)]);
    public static readonly MetricColumn<long> TokensSold = Group.Declare<long>("tokens_sold", MetricUnit.Tokens,
        "tokens sold to the pool for costs", None);
    public static readonly MetricColumn<long> TokensBought = Group.Declare<long>("tokens_bought", MetricUnit.Tokens,
        "tokens bought from the pool by users", None);
    public static readonly MetricColumn<int> MinersOff = Group.Declare<int>("miners_off", MetricUnit.Count,
        "miners switched off as unprofitable", None);
}

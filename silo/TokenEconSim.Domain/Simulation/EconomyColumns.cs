namespace TokenEconSim.Domain.Simulation;

/// <summary>The token economy's metrics.csv columns, appended after the others (zero, price 1, when off).</summary>
public static class EconomyColumns
{
    public static readonly IReadOnlyList<MetricColumn> All =
    [
        new("proposals_open", MetricUnit.Count, m => m.Economy.ProposalsOpen, "passed proposals waiting for their timelock"),
        new("proposals_passed", MetricUnit.Count, m => m.Economy.ProposalsPassed, "proposals passed by this epoch's votes"),
        new("proposals_failed", MetricUnit.Count, m => m.Economy.ProposalsFailed, "proposals failed by this epoch's votes"),
        new("models_published", MetricUnit.Count, m => m.Economy.ModelsPublished, "models listed in the marketplace"),
        new("marketplace_purchases", MetricUnit.Count, m => m.Economy.Purchases, "model purchases (marketplace volume)"),
        new("marketplace_revenue", MetricUnit.Tokens, m => m.Economy.Revenue, "tokens paid by buyers to creators"),
        new("purchases_failed", MetricUnit.Count, m => m.Economy.PurchasesFailed, "purchases refused for an insufficient balance"),
        new("token_price", MetricUnit.Value, m => m.Economy.TokenPrice, "stable per token after the epoch's swaps (1 without a market)"),
        new("amm_reserve_token", MetricUnit.Tokens, m => m.Economy.ReserveToken, "tokens in the market pool"),
        new("amm_reserve_stable", MetricUnit.Tokens, m => m.Economy.ReserveStable, "stable units in the market pool (10^-8 units like tokens)"),
        new("tokens_sold", MetricUnit.Tokens, m => m.Economy.TokensSold, "tokens sold to the pool for costs"),
        new("tokens_bought", MetricUnit.Tokens, m => m.Economy.TokensBought, "tokens bought from the pool by users"),
        new("miners_off", MetricUnit.Count, m => m.Economy.MinersOff, "miners switched off as unprofitable"),
    ];
}

using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>metrics.csv's first columns: the epoch and the token ledger (docs/model.md §5, §6).</summary>
public static class LedgerColumns
{
    public static readonly MetricGroup Group = new("ledger", "the epoch and the token ledger");

    public static readonly MetricColumn<int> Epoch = Group.Declare<int>("epoch", MetricUnit.Count, "epoch index, from 0", None);
    public static readonly MetricColumn<long> Supply = Group.Declare<long>("supply", MetricUnit.Tokens,
        "total supply at the end of the epoch (balances + treasury)",
        [Browser.SupplyInflation.Series("supply"), Png.SupplyInflation.Series("Supply")]);
    public static readonly MetricColumn<long> Minted = Group.Declare<long>("minted", MetricUnit.Tokens, "tokens minted this epoch", None);
    public static readonly MetricColumn<long> Burned = Group.Declare<long>("burned", MetricUnit.Tokens, "tokens burned this epoch", None);
    public static readonly MetricColumn<long> Treasury = Group.Declare<long>("treasury", MetricUnit.Tokens,
        "undistributed pool funds carried to the next epoch", None);
    /// <summary>Minted this epoch / supply at the start of the epoch (a per-epoch rate, not annualised).</summary>
    public static readonly MetricColumn<double> Inflation = Group.Declare<double>("inflation", MetricUnit.Ratio,
        "minted / supply at the start of the epoch",
        [Browser.SupplyInflation.Series("inflation %", rightAxis: true, scale: 100), Png.SupplyInflation.Series("Inflation per epoch",
            rightAxis: true, scale: 100)]);
    /// <summary>Gini of agents' balances after the epoch's rewards.</summary>
    public static readonly MetricColumn<double> Gini = Group.Declare<double>("gini", MetricUnit.Ratio, "Gini coefficient of agents' balances",
        [Browser.Gini.Series("Gini"), Png.Gini.Series("Gini")]);
    public static readonly MetricColumn<long> Pool = Group.Declare<long>("pool", MetricUnit.Tokens, "reward pool offered to D/T/U (pool mode)", None);
    public static readonly MetricColumn<long> FeesPaid = Group.Declare<long>("fees_paid", MetricUnit.Tokens, "service fees paid by users", None);
    public static readonly MetricColumn<long> FeesBurned = Group.Declare<long>("fees_burned", MetricUnit.Tokens, "part of the fees burned", None);
    public static readonly MetricColumn<long> Calls = Group.Declare<long>("calls", MetricUnit.Count, "service calls made", None);
}

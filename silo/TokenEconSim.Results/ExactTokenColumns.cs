using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Integer base-unit readers for the token columns that hold whole base units.
/// <see cref="MetricColumn.Read"/> returns a double, which is exact only up to 2^53 base units
/// (~90 million tokens); a population of a million agents holding 100 tokens each already passes
/// that, so metrics.csv reads these columns as longs instead. Every other token column is a mean
/// (fractional base units). A test checks this table covers every whole-unit token column.
/// </summary>
internal static class ExactTokenColumns
{
    private static readonly Dictionary<string, Func<EpochMetrics, long>> Readers = Build();

    public static bool TryGet(string columnName, out Func<EpochMetrics, long> read) =>
        Readers.TryGetValue(columnName, out read!);

    public static IReadOnlyCollection<string> Names => Readers.Keys;

    private static Dictionary<string, Func<EpochMetrics, long>> Build()
    {
        var readers = new Dictionary<string, Func<EpochMetrics, long>>
        {
            ["supply"] = m => m.Supply,
            ["minted"] = m => m.Minted,
            ["burned"] = m => m.Burned,
            ["treasury"] = m => m.Treasury,
            ["pool"] = m => m.Pool,
            ["fees_paid"] = m => m.FeesPaid,
            ["fees_burned"] = m => m.FeesBurned,
            ["marketplace_revenue"] = m => m.Economy.Revenue,
            ["amm_reserve_token"] = m => m.Economy.ReserveToken,
            ["amm_reserve_stable"] = m => m.Economy.ReserveStable,
            ["tokens_sold"] = m => m.Economy.TokensSold,
            ["tokens_bought"] = m => m.Economy.TokensBought,
            ["slashed"] = m => m.Slashed,
        };
        foreach (var role in Roles.All)
            readers[$"reward_total_{role.Key()}"] = m => m.RewardTotal(role);
        return readers;
    }
}

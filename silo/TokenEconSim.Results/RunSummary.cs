using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// summary.json: the headline results of a run. Only what the scenario and seed determine goes in
/// (no wall time, timestamp, engine or sharding), so the file is byte-identical for the same
/// scenario and seed whatever the engine — a cheap check that engines agree.
/// Token amounts are JSON numbers of tokens (a double: what pandas and plotting want), each followed by the same
/// amount as an exact decimal string of 8 decimals under the name + <see cref="ExactSuffix"/> (a double keeps only
/// about 16 significant digits). A value that is undefined (no epochs, no block) is null.
/// </summary>
public sealed record RunSummary(
    string Name,
    string RunId,
    long Seed,
    string Version,
    int Epochs,
    double? FinalSupply,
    string? FinalSupplyExact,
    double TotalMinted,
    string TotalMintedExact,
    double TotalBurned,
    string TotalBurnedExact,
    double? FinalGini,
    double? MeanInflation,
    int AcceptedEpochs,
    double? AcceptanceRate,
    long TotalBlocks,
    double? MeanBlockTime,
    IReadOnlyDictionary<string, double> TotalRewardsByRole,
    IReadOnlyDictionary<string, string> TotalRewardsByRoleExact,
    double? FinalAccuracy,
    double? FinalTokenPrice)
{
    /// <summary>The suffix of a token amount's exact twin: final_supply (a number) and final_supply_exact (a string).</summary>
    public const string ExactSuffix = "_exact";

    /// <summary>The responding populations over the run (<see cref="IncentiveSummary"/>); absent when every population draws.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IncentiveSummary>? Incentives { get; init; }

    /// <summary>Mining over the peer-to-peer network (<see cref="MiningSummary"/>): "mining", absent without network.topology.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MiningSummary? Mining { get; init; }

    /// <param name="info">The run's identity.</param>
    /// <param name="rows">Its epochs' metrics.</param>
    /// <param name="responding">Whether some population responds (<see cref="BehaviourColumns.Group"/> is enabled): adds "incentives".</param>
    /// <param name="network">Whether the run has network.topology (<see cref="NetworkColumns.Group"/> is enabled): adds "mining".</param>
    public static RunSummary From(RunInfo info, IReadOnlyList<EpochMetrics> rows, bool responding = false, bool network = false)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(rows);
        var last = rows.Count > 0 ? rows[^1] : null;
        var accepted = rows.Count(r => r.Accepted);
        var blocks = rows.Sum(r => (long)r.Blocks);

        // Ordered by Roles.All so the JSON lists roles in the same order as metrics.csv.
        var rewards = new OrderedDictionary<string, double>();
        var rewardsExact = new OrderedDictionary<string, string>();
        foreach (var role in Roles.All)
        {
            var total = CheckedSum(rows, r => r.RewardTotal(role));
            rewards.Add(role.Key(), TokenUnits.ToTokens(total));
            rewardsExact.Add(role.Key(), TokenUnits.Format(total));
        }
        var minted = CheckedSum(rows, r => r.Minted);
        var burned = CheckedSum(rows, r => r.Burned);

        return new RunSummary(
            Name: info.Name,
            RunId: info.RunId,
            Seed: info.Seed,
            Version: info.Version,
            Epochs: rows.Count,
            FinalSupply: last is null ? null : TokenUnits.ToTokens(last.Supply),
            FinalSupplyExact: last is null ? null : TokenUnits.Format(last.Supply),
            TotalMinted: TokenUnits.ToTokens(minted),
            TotalMintedExact: TokenUnits.Format(minted),
            TotalBurned: TokenUnits.ToTokens(burned),
            TotalBurnedExact: TokenUnits.Format(burned),
            FinalGini: last is null ? null : Defined(last.Gini),
            MeanInflation: Mean(rows.Select(r => r.Inflation)),
            AcceptedEpochs: accepted,
            AcceptanceRate: rows.Count == 0 ? null : accepted / (double)rows.Count,
            TotalBlocks: blocks,
            MeanBlockTime: MeanBlockTimeOf(rows),
            TotalRewardsByRole: rewards,
            TotalRewardsByRoleExact: rewardsExact,
            // Null without federated learning (accuracy NaN) and without a token market (price fixed at 1).
            FinalAccuracy: last is null ? null : Defined(last.ModelAccuracy),
            FinalTokenPrice: last is null || !rows.Any(r => r.Economy.ReserveToken > 0) ? null : last.Economy.TokenPrice)
        {
            Incentives = responding ? IncentiveSummary.Of(rows) : null,
            Mining = network ? MiningSummary.Of(rows) : null,
        };
    }

    /// <summary>Indented JSON, snake_case names in declaration order, "\n" line endings, final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunSummaryJson.Default.RunSummary) + "\n";

    public byte[] ToJsonBytes() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToJson());

    /// <summary>Integer sum: a double sum would lose base units past 2^53 and could differ by summation order.</summary>
    private static long CheckedSum(IReadOnlyList<EpochMetrics> rows, Func<EpochMetrics, long> read)
    {
        long total = 0;
        foreach (var row in rows) total = checked(total + read(row));
        return total;
    }

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;

    /// <summary>The mean of the finite values; null when there is none.</summary>
    internal static double? Mean(IEnumerable<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var value in values.Where(double.IsFinite)) { sum += value; count++; }
        return count == 0 ? null : sum / count;
    }

    /// <summary>Mean over blocks, not epochs: each epoch's mean weighs by its block count.</summary>
    private static double? MeanBlockTimeOf(IReadOnlyList<EpochMetrics> rows)
    {
        double weighted = 0;
        long blocks = 0;
        foreach (var row in rows.Where(r => r.Blocks > 0 && double.IsFinite(r.MeanBlockTime)))
        {
            weighted += row.MeanBlockTime * row.Blocks;
            blocks += row.Blocks;
        }
        return blocks == 0 ? null : weighted / blocks;
    }
}

/// <summary>Source-generated serializer: property order is declaration order, fixed at compile time.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    NewLine = "\n",
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class RunSummaryJson : JsonSerializerContext;

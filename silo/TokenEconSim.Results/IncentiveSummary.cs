using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// summary.json's "incentives" part, one per role that can respond (docs/model.md §17.8): how many
/// took part, what they chose and whether it paid, over the run. Present only when some population
/// responds, so the summaries of runs whose agents draw keep every byte. Means are over the epochs
/// where the quantity is defined (an epoch with no one taking part has no mean profit); null when none.
/// </summary>
public sealed record IncentiveSummary(
    double? ActiveMean,
    int ActiveFinal,
    int Entries,
    int Exits,
    double? EffortMean,
    double CostTotal,
    double? ProfitMean,
    double? ProfitableShare,
    double? CheatingRate,
    double? CheatProfitMean,
    double? HonestProfitMean)
{
    /// <summary>
    /// Whether cheating paid over the run: the cheats' mean profit above that of those who took part honestly (means over the epochs
    /// where each is defined); null when either never happened.
    /// </summary>
    public bool? CheatingPaid => CheatProfitMean is { } cheat && HonestProfitMean is { } honest ? cheat > honest : null;

    /// <summary>Keyed by role, in column order; the cheating means are null for roles that cannot cheat.</summary>
    public static IReadOnlyDictionary<string, IncentiveSummary> Of(IReadOnlyList<EpochMetrics> rows)
    {
        var byRole = new OrderedDictionary<string, IncentiveSummary>();
        for (var k = 0; k < BehaviourColumns.Responding.Count; k++)
        {
            var role = BehaviourColumns.Responding[k];
            var active = ContributionColumns.Active[role];
            var c = BehaviourColumns.CheatingIndex(role);
            byRole.Add(role.Key(), new IncentiveSummary(
                ActiveMean: RunSummary.Mean(rows.Select(r => (double)r[active])),
                ActiveFinal: rows.Count == 0 ? 0 : rows[^1][active],
                Entries: rows.Sum(r => r[BehaviourColumns.Entries[k]]),
                Exits: rows.Sum(r => r[BehaviourColumns.Exits[k]]),
                EffortMean: RunSummary.Mean(rows.Select(r => r[BehaviourColumns.EffortMean[k]])),
                CostTotal: rows.Sum(r => r[BehaviourColumns.CostTotal[k]]),
                ProfitMean: RunSummary.Mean(rows.Select(r => r[BehaviourColumns.ProfitMean[k]])),
                ProfitableShare: RunSummary.Mean(rows.Select(r => r[BehaviourColumns.ProfitableShare[k]])),
                CheatingRate: c < 0 ? null : RunSummary.Mean(rows.Select(r => r[BehaviourColumns.CheatingRate[c]])),
                CheatProfitMean: c < 0 ? null : RunSummary.Mean(rows.Select(r => r[BehaviourColumns.ProfitMeanCheat[c]])),
                HonestProfitMean: c < 0 ? null : RunSummary.Mean(rows.Select(r => r[BehaviourColumns.ProfitMeanHonest[c]]))));
        }
        return byRole;
    }
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using static TokenEconSim.Domain.Simulation.ChartGroups;
using Png = TokenEconSim.Domain.Simulation.ChartGroups.Png;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Yuma scoring (docs/model.md §3.6): per Yuma-scored role, how its epoch went; an optional group, in metrics.csv only with
/// rewards.scoring: yuma, so other scenarios' columns are unchanged. Empty for an epoch whose Yuma epoch did not run (rejected).
/// </summary>
public static class YumaColumns
{
    public static readonly MetricGroup Group = new("yuma", "Yuma scoring: incentive, validators' trust, weights against consensus, dividends",
        scenario => scenario.Rewards.Scoring == RewardScoring.Yuma);

    /// <summary>The roles a Yuma epoch scores, in column order.</summary>
    public static IReadOnlyList<Role> Scored { get; } = [Role.DataProvider, Role.Trainer];

    public static readonly IReadOnlyList<MetricColumn<double>> IncentiveGini = PerRole("yuma_incentive_gini",
        "Gini of the incentive I_j over the members evaluated (active, not caught)", role => [Png.Yuma.Series($"{role.Title()}: incentive Gini")]);
    public static readonly IReadOnlyList<MetricColumn<double>> ValidatorTrust = PerRole("yuma_validator_trust",
        "mean over the validators with stake of their trust Σ_j min(W_ij, C_j): how much of each one's weight consensus kept",
        role => [Png.Yuma.Series($"{role.Title()}: validators' trust", rightAxis: true)]);
    public static readonly IReadOnlyList<MetricColumn<double>> WeightDistance = PerRole("yuma_weight_distance",
        "mean over the validators with weights of Σ_j |W_ij − C_j|: the L1 distance of each one's normalised weights from consensus");
    public static readonly IReadOnlyList<MetricColumn<double>> DividendsGini = PerRole("yuma_dividends_gini",
        "Gini of the validators' dividends D_i (validators with stake)");

    private static MetricColumn<double>[] PerRole(string name, string description, Func<Role, ChartSeat[]>? charts = null) =>
        [.. Scored.Select(role => Group.Declare($"{name}_{role.Key()}", MetricUnit.Ratio,
            $"{role.Title().ToLowerInvariant()}: {description}", charts?.Invoke(role) ?? None, double.NaN))];
}

/// <summary>The Yuma columns of one scored epoch.</summary>
public sealed record YumaMetrics : MetricValues
{
    /// <param name="byRole">Per <see cref="YumaColumns.Scored"/> role: incentive Gini, mean validator trust, mean distance, dividends Gini.</param>
    public YumaMetrics(IReadOnlyList<(double IncentiveGini, double Trust, double Distance, double DividendsGini)> byRole)
    {
        for (var k = 0; k < YumaColumns.Scored.Count; k++)
        {
            this[YumaColumns.IncentiveGini[k]] = byRole[k].IncentiveGini;
            this[YumaColumns.ValidatorTrust[k]] = byRole[k].Trust;
            this[YumaColumns.WeightDistance[k]] = byRole[k].Distance;
            this[YumaColumns.DividendsGini[k]] = byRole[k].DividendsGini;
        }
    }
}

/// <summary>
/// Yuma scoring's adversaries (docs/model.md §3.6): what the colluders' partner, the copiers and the lazy validators gained; an optional
/// group, in metrics.csv only with rewards.scoring: yuma and some colluders, copiers or lazy validators.
/// </summary>
public static class YumaAdversaryColumns
{
    public static readonly MetricGroup Group = new("yuma_adversaries",
        "Yuma scoring's adversaries: the colluders' partner, copiers, lazy validators",
        scenario => scenario.Rewards.Scoring == RewardScoring.Yuma && LoopYuma.HasAdversaries(scenario.Rewards.Yuma));

    public static readonly MetricColumn<double> PartnerIncentive = Group.Declare("yuma_partner_incentive", MetricUnit.Ratio,
        "the colluders' partner (the first trainer): its incentive I_p among the trainers (empty without colluders)",
        [Png.YumaAdversaries.Series("Colluders' partner: incentive")], double.NaN);
    public static readonly MetricColumn<double> PartnerIncentiveHonest = Group.Declare("yuma_partner_incentive_honest", MetricUnit.Ratio,
        "the partner's incentive had every validator set its honest weights (same stakes and evaluations)",
        [Png.YumaAdversaries.Series("Partner: incentive, all validators honest")], double.NaN);

    /// <summary>Per conduct (colluders, copiers, lazy), per scored role: its dividends per unit stake over the honest validators'.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<MetricColumn<double>>> Dividends =
        [PerRole("colluder", "Colluders"), PerRole("copier", "Copiers"), PerRole("lazy", "Lazy validators")];

    /// <summary>The conducts of <see cref="Dividends"/>, in its order.</summary>
    public static IReadOnlyList<YumaConduct> Conducts { get; } = [YumaConduct.Colluder, YumaConduct.Copier, YumaConduct.Lazy];

    private static MetricColumn<double>[] PerRole(string conduct, string legend) =>
        [.. YumaColumns.Scored.Select(role => Group.Declare($"yuma_{conduct}_dividends_{role.Key()}", MetricUnit.Ratio,
            $"{role.Title().ToLowerInvariant()}: mean dividends per unit stake of the {conduct} validators over the honest ones' "
                + "(1: they earn as honest validators; empty without such validators or honest ones with dividends)",
            [Png.YumaAdversaries.Series($"{legend}: dividends per stake / honest, {role.Key()}s", rightAxis: true)], double.NaN))];
}

/// <summary>The adversary columns of one scored epoch.</summary>
public sealed record YumaAdversaryMetrics : MetricValues
{
    private YumaAdversaryMetrics(double partner, double partnerHonest, double[,] dividends)
    {
        this[YumaAdversaryColumns.PartnerIncentive] = partner;
        this[YumaAdversaryColumns.PartnerIncentiveHonest] = partnerHonest;
        for (var c = 0; c < YumaAdversaryColumns.Conducts.Count; c++)
            for (var r = 0; r < YumaColumns.Scored.Count; r++) this[YumaAdversaryColumns.Dividends[c][r]] = dividends[c, r];
    }

    /// <summary>Gathers an epoch's roles, then <see cref="Build"/>.</summary>
    public sealed class Builder
    {
        private double _partner = double.NaN, _partnerHonest = double.NaN;
        private readonly double[,] _dividends = Filled(double.NaN);

        /// <param name="r">The role's index in <see cref="YumaColumns.Scored"/>.</param>
        /// <param name="role">The role.</param>
        /// <param name="result">Its Yuma epoch.</param>
        /// <param name="honestIncentive">Its incentive had every validator set its honest weights.</param>
        /// <param name="stakes">The validators' stakes.</param>
        /// <param name="conductOf">Each validator's conduct; the partner's columns are written only when some validator colludes.</param>
        public void Add(int r, Agents.Role role, Rewards.Yuma.YumaResult result, double[] honestIncentive, double[] stakes,
            Func<int, YumaConduct> conductOf)
        {
            var colluding = Enumerable.Range(0, stakes.Length).Any(k => conductOf(k) == YumaConduct.Colluder);
            if (colluding && role == Agents.Role.Trainer && honestIncentive.Length > 0)
                (_partner, _partnerHonest) = (result.Incentive[0], honestIncentive[0]);
            var honest = PerStake(result, stakes, conductOf, YumaConduct.Honest);
            for (var c = 0; c < YumaAdversaryColumns.Conducts.Count; c++)
                _dividends[c, r] = honest > 0 ? PerStake(result, stakes, conductOf, YumaAdversaryColumns.Conducts[c]) / honest : double.NaN;
        }

        public YumaAdversaryMetrics Build() => new(_partner, _partnerHonest, _dividends);

        /// <summary>The mean of D_i/s_i over the validators of one conduct with stake; NaN when there are none.</summary>
        private static double PerStake(Rewards.Yuma.YumaResult result, double[] stakes, Func<int, YumaConduct> conductOf, YumaConduct conduct)
        {
            var ratios = Enumerable.Range(0, stakes.Length).Where(k => stakes[k] > 0 && conductOf(k) == conduct)
                .Select(k => result.Dividends[k] / stakes[k]).ToArray();
            return ratios.Length > 0 ? ratios.Average() : double.NaN;
        }

        private static double[,] Filled(double value)
        {
            var a = new double[YumaAdversaryColumns.Conducts.Count, YumaColumns.Scored.Count];
            for (var c = 0; c < a.GetLength(0); c++)
                for (var r = 0; r < a.GetLength(1); r++) a[c, r] = value;
            return a;
        }
    }
}

using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Cross-field rules of rewards.scoring and rewards.yuma (docs/model.md §3.6): the parameters must make a Yuma 3 epoch (the Domain's
/// own <see cref="Domain.Rewards.Yuma.YumaParameters.ProblemsByKey"/>: κ below 1, alpha_low ≤ alpha_high; single-key ranges are the
/// binder's), checked even while scoring is raw so that `--set rewards.scoring=yuma` on a valid file stays valid; and yuma scoring needs
/// a pool to split and validators to evaluate. Errors point at the written node.
/// </summary>
internal static class YumaChecks
{
    public static void Check(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        foreach (var (key, message) in s.Rewards.Yuma.Parameters.ProblemsByKey())
        {
            var path = $"rewards.yuma.{key}";
            if (failed.Contains(path)) continue; // the binder said it already
            errors.Add(root.Locate("rewards", "yuma", key).Error($"{path}: {message}"));
        }
        var y = s.Rewards.Yuma;
        var adversaries = (long)y.Colluders + y.Copiers + y.Lazy;
        if (!failed.Overlaps(["rewards.yuma.colluders", "rewards.yuma.copiers", "rewards.yuma.lazy", "populations.validators.count"])
            && adversaries > s.Populations.Validators.Count)
            errors.Add(root.Locate("rewards", "yuma").Error($"rewards.yuma: {y.Colluders} colluders, {y.Copiers} copiers and {y.Lazy} lazy "
                + $"validators are {adversaries}, but populations.validators.count is {s.Populations.Validators.Count}"));
        if (failed.Contains("rewards.scoring") || s.Rewards.Scoring != RewardScoring.Yuma) return;
        var at = root.Locate("rewards", "scoring");
        if (!failed.Contains("rewards.mode") && s.Rewards.Mode == RewardMode.Absolute)
            errors.Add(at.Error("rewards.scoring: yuma splits a role's part of the pool by incentive; rewards.mode absolute mints each "
                + "reward as computed and has no pool to split (use pool or shares)"));
        if (!failed.Contains("populations.validators.count") && s.Populations.Validators.Count < 1)
            errors.Add(at.Error("rewards.scoring: yuma needs validators to set weights, but populations.validators.count is 0"));
    }
}

using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Cross-field rules of the <c>behaviour</c> section (each key's own range, an unknown model, a
/// negative cost, λ &lt; 0 or ε outside [0, 1], is the binder's, from the Domain's attributes): a
/// population's maximum size holds its initial count; a provider's quality range is not reversed;
/// the maximum populations fit in one run. Errors point at the written node.
/// </summary>
internal static class BehaviourChecks
{
    public static void Check(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        long total = 0;
        foreach (var (name, behaviour, population) in Populations(s))
        {
            var max = $"behaviour.{name}.max_count";
            var count = $"populations.{name}.count";
            total += Math.Max(population.Count, behaviour.MaxCount);
            if (failed.Overlaps([max, count]) || behaviour.MaxCount == 0 || behaviour.MaxCount >= population.Count) continue;
            errors.Add(root.Locate("behaviour", name, "max_count").Error(
                $"{max}: the maximum population {behaviour.MaxCount} is below the initial {count} {population.Count}; use at least "
                    + $"{population.Count}, or 0 for no latent agents"));
        }
        CheckWired(s, root, failed, errors);
        var p = s.Behaviour.DataProviders;
        if (!failed.Overlaps(["behaviour.data_providers.quality_low", "behaviour.data_providers.quality_high"]) && p.QualityLow > p.QualityHigh)
            errors.Add(root.Locate("behaviour", "data_providers", "quality_low").Error(
                $"behaviour.data_providers.quality_low: {G(p.QualityLow)} is above quality_high {G(p.QualityHigh)}"));
        if (total > CrossFieldChecks.MaxAgents)
            errors.Add(root.Locate("behaviour").Error(
                $"behaviour: {total} agents in all, latent ones included; at most {CrossFieldChecks.MaxAgents} are supported"));
    }

    /// <summary>
    /// What the epoch loop runs (docs/model.md §17, "Status"): providers, trainers and users respond, under either learning kind;
    /// miners under proof of work without the market's profitability switch (which responding miners replace); validators under
    /// proof of work with vote finality, no latent validators and no governance (<see cref="RunModel.ValidatorsUnwired"/>). The rest
    /// is refused here, never run as fixed; so is a stake above the initial balance (the bond is taken from it at the start).
    /// </summary>
    private static void CheckWired(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        foreach (var (name, behaviour, _) in Populations(s))
        {
            if (behaviour.Model == BehaviourModel.Fixed || failed.Contains($"behaviour.{name}.model")) continue;
            var model = Naming.ToSnakeCase(behaviour.Model.ToString());
            if (behaviour is ValidatorBehaviour && !failed.Overlaps(["consensus.kind", "consensus.finality", "governance.enabled",
                    $"behaviour.{name}.max_count", "populations.validators.count"])
                && RunModel.ValidatorsUnwired(s) is { } refused)
                errors.Add(root.Locate("behaviour", name, "model").Error($"behaviour.{name}.model: {model}: {refused}"));
            if (behaviour is MinerBehaviour && !failed.Overlaps(["consensus.kind", "market.enabled"])
                && RunModel.MinersUnwired(s) is { } why)
                errors.Add(root.Locate("behaviour", name, "model").Error($"behaviour.{name}.model: {model}: {why}"));
            if (behaviour is StakedRoleBehaviourSection { Stake: > 0 } staked && staked.Stake > s.Token.InitialBalance
                && !failed.Overlaps([$"behaviour.{name}.stake", "token.initial_balance"]))
                errors.Add(root.Locate("behaviour", name, "stake").Error(
                    $"behaviour.{name}.stake: {G(staked.Stake)} is above token.initial_balance {G(s.Token.InitialBalance)}; an agent bonds "
                        + "its stake from its balance"));
        }
    }

    private static string G(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

    /// <summary>Each population's YAML name, behaviour section and population section, paired by name (a role added to both is included).</summary>
    private static IEnumerable<(string Name, RoleBehaviourSection Behaviour, PopulationBase Population)> Populations(Scenario s)
    {
        var populations = ScenarioSchema.KeysOf(typeof(PopulationsSection)).ToDictionary(k => k.Name);
        foreach (var key in ScenarioSchema.KeysOf(typeof(BehaviourSection)).Where(k => typeof(RoleBehaviourSection).IsAssignableFrom(k.Type)))
            if (populations.TryGetValue(key.Name, out var population))
                yield return (key.Name, (RoleBehaviourSection)key.Property.GetValue(s.Behaviour)!,
                    (PopulationBase)population.Property.GetValue(s.Populations)!);
    }

}

using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Cross-field rules of the governance, market and marketplace sections (single-key ranges are on
/// the Domain's properties). Each proposal must lie on the simplex, even while governance is off (so
/// `--set governance.enabled=false` on a file keeps it valid for the run that turns it on); governance
/// needs voters: validators for random voting, staked responding providers or trainers for payoff voting. Errors point at the
/// written node.
/// </summary>
internal static class EconomyChecks
{
    public static void Check(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        var g = s.Governance;
        for (var i = 0; i < g.Proposals.Count; i++)
        {
            var path = $"governance.proposals[{i}]";
            if (failed.Overlaps([path, $"{path}.alpha", $"{path}.beta", $"{path}.gamma"])) continue;
            var p = g.Proposals[i];
            if (!Simplex.Contains(p.Alpha, p.Beta, p.Gamma))
                errors.Add(ProposalAt(root, i).Error(
                    $"{path}: alpha + beta + gamma must equal 1, got {G(p.Alpha)} + {G(p.Beta)} + {G(p.Gamma)} = {G(p.Alpha + p.Beta + p.Gamma)}"));
        }
        if (s.Market is { Enabled: true, PriceSigma: > 0 } && !failed.Overlaps(["market.enabled", "market.price_sigma"]))
            errors.Add(root.Locate("market", "price_sigma").Error(
                "market.price_sigma: the outside price is for an economy without the pool; with market.enabled the pool's swaps set the "
                    + "price. Use one: market.enabled false, or market.price_sigma 0"));
        if (!g.Enabled) return;
        if (g.Voting == GovernanceVoting.Payoff) CheckPayoffVoting(s, root, failed, errors);
        else if (!failed.Contains("populations.validators.count") && s.Populations.Validators.Count < 1)
            errors.Add(root.Locate("governance", "enabled").Error(
                "governance.enabled: votes are weighted by validators' stake, but populations.validators.count is 0"));
    }

    /// <summary>
    /// Payoff voting needs voters whose pay moves with α, β, γ alone (docs/model.md §11): staked responding providers or trainers,
    /// under shares or absolute rewards.
    /// </summary>
    private static void CheckPayoffVoting(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        var at = root.Locate("governance", "voting");
        if (!failed.Contains("rewards.mode") && s.Rewards.Mode == RewardMode.Pool)
            errors.Add(at.Error("governance.voting: payoff needs rewards.mode shares or absolute: in pool mode a role's pay also "
                + "depends on the other roles' contributions, which a voter does not know when it votes"));
        StakedRoleBehaviourSection[] staked = [s.Behaviour.DataProviders, s.Behaviour.Trainers];
        if (!staked.Any(b => b.Model != BehaviourModel.Fixed && b.Stake > 0))
            errors.Add(at.Error("governance.voting: payoff: no one would vote. Validators are paid by consensus whatever alpha, beta "
                + "and gamma, so they abstain; the voters are the providers and trainers who bond a stake to take part "
                + "(behaviour.data_providers or behaviour.trainers with a model other than fixed and a stake above 0)"));
    }

    private static string G(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

    /// <summary>The item of governance.proposals written in the file, else the section, else the root.</summary>
    private static SourceLocation ProposalAt(MappingNode root, int index)
    {
        if (root.Find("governance")?.Value is MappingNode gov && gov.Find("proposals") is { } entry)
            return entry.Value is SequenceNode q && index < q.Items.Count ? q.Items[index].At : entry.Key.At;
        return root.Locate("governance");
    }

}

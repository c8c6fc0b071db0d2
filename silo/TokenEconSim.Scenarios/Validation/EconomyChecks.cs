using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Cross-field rules of the governance, market and marketplace sections (single-key ranges are on
/// the Domain's properties). Each proposal must lie on the simplex, even while governance is off (so
/// `--set governance.enabled=false` on a file keeps it valid for the run that turns it on); governance
/// needs validators to vote. Errors point at the written node.
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
        if (g.Enabled && !failed.Contains("populations.validators.count") && s.Populations.Validators.Count < 1)
            errors.Add(root.Locate("governance", "enabled").Error(
                "governance.enabled: votes are weighted by validators' stake, but populations.validators.count is 0"));
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

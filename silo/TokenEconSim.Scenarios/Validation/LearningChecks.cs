using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

internal static partial class CrossFieldChecks
{
    /// <summary>Federated learning: the batch-quality weights are a convex combination, so q stays in [0, 1].</summary>
    public static void CheckLearning(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        if (failed.Overlaps(["learning.quality.completeness", "learning.quality.diversity", "learning.quality.scarcity"])) return;
        var q = s.Learning.Quality;
        var sum = q.Completeness + q.Diversity + q.Scarcity;
        if (Math.Abs(sum - 1) > SimplexTolerance)
            errors.Add(Locate(root, "learning", "quality").Error(
                $"learning.quality: completeness + diversity + scarcity must equal 1, got {G(q.Completeness)} + {G(q.Diversity)} + {G(q.Scarcity)} = {G(sum)}"));
    }
}

using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

internal static partial class CrossFieldChecks
{
    /// <summary>The validation set is held in memory at the barrier: at most this many values (400 MB of doubles).</summary>
    public const long MaxValidationValues = 50_000_000;

    /// <summary>
    /// Federated learning: the batch-quality weights are a convex combination, so q stays in [0, 1]; the validation set fits in memory.
    /// </summary>
    public static void CheckLearning(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        var l = s.Learning;
        if (!failed.Overlaps(["learning.dimensions", "learning.validation_size"]) && (long)l.Dimensions * l.ValidationSize > MaxValidationValues)
            errors.Add(root.Locate("learning", "validation_size").Error(
                $"learning.validation_size: {l.ValidationSize} samples of {l.Dimensions} features is {(long)l.Dimensions * l.ValidationSize} "
                    + $"values; at most {MaxValidationValues} are held"));
        if (failed.Overlaps(["learning.quality.completeness", "learning.quality.diversity", "learning.quality.scarcity"])) return;
        var q = s.Learning.Quality;
        if (!Simplex.Contains(q.Completeness, q.Diversity, q.Scarcity))
            errors.Add(root.Locate("learning", "quality").Error(
                $"learning.quality: completeness + diversity + scarcity must equal 1, got {G(q.Completeness)} + {G(q.Diversity)} + {G(q.Scarcity)} "
                    + $"= {G(q.Completeness + q.Diversity + q.Scarcity)}"));
    }
}

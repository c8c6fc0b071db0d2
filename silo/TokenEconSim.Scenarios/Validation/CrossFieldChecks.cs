using System.Globalization;
using System.Text.RegularExpressions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Rules that involve more than one key or more than a range. Each is skipped when a key it reads
/// already failed to bind: that key then holds its default, and an error about the default would
/// only confuse. Errors point at where the section (or key) is written, else at the file's root.
/// </summary>
internal static partial class CrossFieldChecks
{
    public const int MaxRunNameLength = 100;

    // The name becomes a folder name (runs/<name>-<timestamp>/): no separators, no leading dot.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex RunName();

    public static void Check(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        if (!failed.Contains("run.name") && !RunName().IsMatch(s.Run.Name))
            errors.Add(root.Locate("run", "name").Error(
                $"run.name: '{s.Run.Name}' is not a valid run name; use letters, digits, '_', '.' and '-', starting with a letter or digit"));
        else if (!failed.Contains("run.name") && s.Run.Name.Length > MaxRunNameLength)
            errors.Add(root.Locate("run", "name").Error(
                $"run.name: {s.Run.Name.Length} characters, at most {MaxRunNameLength} are allowed (the name and a timestamp make the results "
                    + "folder's name, which a file system limits to 255 bytes)"));

        if (!failed.Overlaps(["rewards.alpha", "rewards.beta", "rewards.gamma"]))
        {
            var r = s.Rewards;
            if (!Simplex.Contains(r.Alpha, r.Beta, r.Gamma))
                errors.Add(root.Locate("rewards").Error(
                    $"rewards: alpha + beta + gamma must equal 1, got {G(r.Alpha)} + {G(r.Beta)} + {G(r.Gamma)} = {G(r.Alpha + r.Beta + r.Gamma)}"));
        }

        // Every population section (any property whose type is a PopulationBase) counts, so a
        // role added to the Domain is included without a change here.
        var populations = ScenarioSchema.KeysOf(typeof(PopulationsSection))
            .Where(k => typeof(PopulationBase).IsAssignableFrom(k.Type)).ToList();
        if (!populations.Any(k => failed.Contains($"populations.{k.Name}.count")))
        {
            var total = populations.Sum(k => (long)((PopulationBase)k.Property.GetValue(s.Populations)!).Count);
            if (total < 1)
                errors.Add(root.Locate("populations").Error(
                    $"populations: the total count over all roles ({string.Join(", ", populations.Select(k => k.Name))}) is 0; at least one agent "
                        + "is needed"));
        }
        CheckScale(s, root, failed, errors);
        CheckConsensus(s, root, failed, errors);
        CheckLearning(s, root, failed, errors);
        EconomyChecks.Check(s, root, failed, errors);
        YumaChecks.Check(s, root, failed, errors);
        BehaviourChecks.Check(s, root, failed, errors);
        NetworkChecks.Check(s, root, failed, errors);
    }

    /// <summary>What a consensus protocol needs from the populations (PBFT: n ≥ 4; Byzantine sets within the validators).</summary>
    public static void CheckConsensus(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        var c = s.Consensus;
        var validators = s.Populations.Validators.Count;
        if (failed.Contains("populations.validators.count")) return;
        if (!failed.Contains("consensus.finality") && c.Finality == FinalityKind.Pbft && validators < 4)
            errors.Add(root.Locate("consensus", "finality").Error(
                $"consensus.finality: pbft needs at least 4 validators (n = 3f + 1 with f ≥ 1), populations.validators.count is {validators}"));
        if (!failed.Contains("consensus.pbft.byzantine") && c.Pbft.Byzantine > validators)
            errors.Add(root.Locate("consensus", "pbft", "byzantine").Error(
                $"consensus.pbft.byzantine: {c.Pbft.Byzantine} Byzantine validators but only {validators} validators"));
        if (!failed.Contains("consensus.pos.byzantine") && c.Pos.Byzantine > validators)
            errors.Add(root.Locate("consensus", "pos", "byzantine").Error(
                $"consensus.pos.byzantine: {c.Pos.Byzantine} Byzantine validators but only {validators} validators"));
        if (!failed.Contains("consensus.kind") && c.Kind is ConsensusKind.Pos or ConsensusKind.Dpos && validators < 1)
            errors.Add(root.Locate("consensus", "kind").Error(
                $"consensus.kind: {c.Kind.ToString().ToLowerInvariant()} produces blocks with validators, but populations.validators.count is 0"));
        var greedy = s.Populations.Miners.GreedyFraction;
        if (!failed.Overlaps(["populations.miners.greedy_fraction", "consensus.hashing", "consensus.kind", "consensus.block_timing"])
            && greedy > 0 && (c.Kind != ConsensusKind.Pow || c.Hashing != HashingMode.Sampled || c.BlockTiming != BlockTiming.Poisson))
            errors.Add(root.Locate("populations", "miners", "greedy_fraction").Error(
                "populations.miners.greedy_fraction: greedy miners need proof of work with sampled hashing and poisson block timing"));
        var lstm = c.Difficulty.Lstm;
        if (!failed.Overlaps(["consensus.difficulty.lstm.window", "consensus.difficulty.lstm.history"]) && lstm.History <= lstm.Window)
            errors.Add(root.Locate("consensus", "difficulty", "lstm", "history").Error(
                $"consensus.difficulty.lstm.history: {lstm.History} observations leave no (window, next) pair to train on with window "
                    + $"{lstm.Window}; keep history > window"));
        if (!failed.Overlaps(["consensus.kind", "consensus.hashing"]) && c.Hashing == HashingMode.Real && c.Kind != ConsensusKind.Pow)
            errors.Add(root.Locate("consensus", "hashing").Error(
                $"consensus.hashing: real hashing is proof of work; consensus.kind is {c.Kind.ToString().ToLowerInvariant()}"));
    }

    /// <summary>
    /// Bounds the work of one epoch: blocks per epoch (epoch_length / target_block_time) and the
    /// total population must stay within what one process can hold, or a typo (target_block_time:
    /// 0.0001) would hang a run instead of failing it.
    /// </summary>
    public const double MaxBlocksPerEpoch = 1_000_000;
    public const long MaxAgents = int.MaxValue;

    public static void CheckScale(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        if (!failed.Overlaps(["run.epoch_length", "consensus.target_block_time"]))
        {
            var blocks = s.Run.EpochLength / s.Consensus.TargetBlockTime;
            if (blocks > MaxBlocksPerEpoch)
                errors.Add(root.Locate("consensus", "target_block_time").Error(
                    $"consensus.target_block_time: {G(s.Consensus.TargetBlockTime)} s gives {G(blocks)} blocks per epoch "
                        + $"of {G(s.Run.EpochLength)} s; at most {G(MaxBlocksPerEpoch)} are simulated"));
        }
        var total = (long)s.Populations.DataProviders.Count + s.Populations.Trainers.Count + s.Populations.Users.Count
            + s.Populations.Validators.Count + s.Populations.Miners.Count;
        if (total > MaxAgents)
            errors.Add(root.Locate("populations").Error($"populations: {total} agents in all; at most {MaxAgents} are supported"));
    }

    private static string G(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

}

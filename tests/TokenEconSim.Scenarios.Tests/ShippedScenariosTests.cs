using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

public class ShippedScenariosTests
{
    /// <summary>The scenario files; sweep files (a `sweep:` section, refused by the plain loader) are <see cref="SweepFiles"/>.</summary>
    public static TheoryData<string> Files() => [.. Directory.GetFiles(RepoRoot.Scenarios, "*.yaml")
        .Where(f => !global::TokenEconSim.Scenarios.Sweeps.SweepLoader.HasSweepSection(f)).Select(f => Path.GetFileName(f))];

    public static TheoryData<string> SweepFiles() => [.. Directory.GetFiles(RepoRoot.Scenarios, "*.yaml")
        .Where(global::TokenEconSim.Scenarios.Sweeps.SweepLoader.HasSweepSection).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(SweepFiles))]
    public void EverySweepFileExpandsWithoutErrors(string file)
    {
        var result = global::TokenEconSim.Scenarios.Sweeps.SweepLoader.LoadFile(Path.Combine(RepoRoot.Scenarios, file));
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void TheSimplexSweepIs66PointsBy5Seeds() =>
        Assert.Equal("66 points × 5 seeds = 330 runs (simplex step 0.1)",
            global::TokenEconSim.Scenarios.Sweeps.SweepLoader.LoadFile(Path.Combine(RepoRoot.Scenarios, "sweep-simplex.yaml")).Plan!.Describe());

    private static Scenario Load(string file)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepoRoot.Scenarios, file));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Scenario;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryScenarioFileLoadsWithoutErrors(string file) => Load(file);

    [Fact]
    public void TheExpectedFilesAreShipped() =>
        Assert.Superset(new HashSet<string>
            {
                "baseline.yaml", "absolute-rewards.yaml", "data-heavy.yaml", "bench.yaml",
                "pow-bitcoin.yaml", "pow-asert.yaml", "pos-slashing.yaml", "dpos.yaml", "pbft-byzantine.yaml",
            },
            Files().Select(f => (string)f.Data).ToHashSet());

    [Fact]
    public void BaselineIsTheDescribedEconomy()
    {
        var s = Load("baseline.yaml");
        Assert.Equal(("baseline", 42L, 50, 86_400.0, new ShardSize(100)),
            (s.Run.Name, s.Run.Seed, s.Run.Epochs, s.Run.EpochLength, s.Run.AgentsPerGrain));
        var p = s.Populations;
        Assert.Equal((200, 100, 150, 25, 25), (p.DataProviders.Count, p.Trainers.Count, p.Users.Count, p.Validators.Count, p.Miners.Count));
        Assert.Equal((RewardMode.Pool, 0.4, 0.3, 0.3), (s.Rewards.Mode, s.Rewards.Alpha, s.Rewards.Beta, s.Rewards.Gamma));
        Assert.Equal((ConsensusKind.Pow, HashingMode.Sampled, BlockTiming.Poisson, 600.0),
            (s.Consensus.Kind, s.Consensus.Hashing, s.Consensus.BlockTiming, s.Consensus.TargetBlockTime));
    }

    [Fact]
    public void VariantsChangeOnlyWhatTheySay()
    {
        var baseline = Load("baseline.yaml");
        var absolute = Load("absolute-rewards.yaml");
        Assert.Equal(RewardMode.Absolute, absolute.Rewards.Mode);
        Assert.Equal("absolute-rewards", absolute.Run.Name);
        Assert.Equal(Without(baseline, "mode: pool", "name: \"baseline\""), Without(absolute, "mode: absolute", "name: \"absolute-rewards\""));

        var data = Load("data-heavy.yaml");
        Assert.Equal("data-heavy", data.Run.Name);
        Assert.Equal((0.6, 0.2, 0.2), (data.Rewards.Alpha, data.Rewards.Beta, data.Rewards.Gamma));
        Assert.True(data.Populations.DataProviders.Count > baseline.Populations.DataProviders.Count);
        Assert.Equal(new Distribution(DistributionKind.Beta, 4, 4), data.Populations.DataProviders.Quality);
        Assert.Equal(0.8, data.Populations.DataProviders.Participation);
        Assert.Equal(baseline.Populations.Trainers.Count, data.Populations.Trainers.Count);   // inherited
        Assert.Equal(baseline.Token.FeeBurnFraction, data.Token.FeeBurnFraction);

        static string Without(Scenario s, params string[] lines) =>
            string.Join("\n", ScenarioWriter.ToYaml(s).Split('\n').Where(l => !lines.Contains(l.Trim())));
    }

    [Fact]
    public void BenchIsExactlyTheBenchEconomy()
    {
        var s = Load("bench.yaml");
        var p = s.Populations;
        Assert.Equal((4000, 2000, 3000, 500, 500), (p.DataProviders.Count, p.Trainers.Count, p.Users.Count, p.Validators.Count, p.Miners.Count));
        Assert.Equal(10_000, p.DataProviders.Count + p.Trainers.Count + p.Users.Count + p.Validators.Count + p.Miners.Count);
        Assert.All(new PopulationBase[] { p.DataProviders, p.Trainers, p.Users, p.Validators, p.Miners }, x => Assert.Equal(1.0, x.Participation));
        Assert.Equal(100, s.Token.InitialBalance);
        Assert.Equal(new Distribution(DistributionKind.Poisson, 100), p.DataProviders.BatchSize);
        Assert.Equal(new Distribution(DistributionKind.Beta, 8, 2), p.DataProviders.Quality);
        Assert.Equal(new Distribution(DistributionKind.Gamma, 2, 5), p.Trainers.GpuHours);
        Assert.Equal((0.02, 0.5, 10_000.0), (s.Learning.Gain, s.Rewards.CGpu, s.Rewards.CAcc));
        Assert.Equal(new Distribution(DistributionKind.Poisson, 20), p.Users.Calls);
        Assert.Equal(new Distribution(DistributionKind.Exp, 1.5), p.Users.CallDuration);
        Assert.Equal(1.5, p.Users.CallDuration.Mean);           // exp's argument is the mean
        Assert.Equal((0.01, 1.0), (s.Token.FeePerCall, s.Token.FeeBurnFraction));
        Assert.Equal(new Distribution(DistributionKind.LogNormal, 0, 1), p.Miners.Hashrate);
        Assert.Equal((BlockTiming.Fixed, 6000.0, 600.0), (s.Consensus.BlockTiming, s.Run.EpochLength, s.Consensus.TargetBlockTime));
        Assert.Equal(10, s.Run.EpochLength / s.Consensus.TargetBlockTime);
        Assert.Equal(50, s.Token.BlockReward);
        Assert.Equal(new Distribution(DistributionKind.LogNormal, 3, 1), p.Validators.Stake);
        Assert.Equal((20.0, 0.99), (s.Token.ProposerReward, s.Consensus.VoteValidProbability));
        Assert.Equal((10_000.0, 0), (s.Token.EmissionPerEpoch, s.Token.HalvingInterval));
        Assert.Equal((RewardMode.Pool, 0.4, 0.3, 0.3), (s.Rewards.Mode, s.Rewards.Alpha, s.Rewards.Beta, s.Rewards.Gamma));
        Assert.Equal((100, new ShardSize(1000)), (s.Run.Epochs, s.Run.AgentsPerGrain));
    }

    [Fact]
    public void BenchWritesEveryKeyAndExtendsNothing()
    {
        // The benchmark must not move when the baseline or a Domain default changes.
        var text = File.ReadAllText(Path.Combine(RepoRoot.Scenarios, "bench.yaml"));
        Assert.DoesNotContain("extends:", text);
        foreach (var leaf in TokenEconSim.Scenarios.Schema.ScenarioSchema.Leaves)
            Assert.Contains($" {leaf.Key.Name}: ", "\n" + text.Replace("\n", "\n "));
    }
}

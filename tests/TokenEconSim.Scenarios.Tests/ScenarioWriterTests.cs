using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

public class ScenarioWriterTests
{
    private static Scenario Reload(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "written.yaml");
        Assert.True(result.Success, string.Join("\n", result.Errors) + "\n---\n" + yaml);
        return result.Scenario;
    }

    [Fact]
    public void DefaultScenarioRoundTrips()
    {
        var yaml = ScenarioWriter.ToYaml(new Scenario());
        Assert.Equal(yaml, ScenarioWriter.ToYaml(Reload(yaml)));
    }

    [Fact]
    public void AwkwardValuesRoundTripExactly()
    {
        var s = new Scenario
        {
            Run = new RunSection { Name = "a.b-c_1", Seed = long.MinValue, Epochs = 7, EpochLength = 0.1 + 0.2, AgentsPerGrain = new ShardSize(3) },
            Token = new TokenSection { FeePerCall = 1e-300, EmissionPerEpoch = 123456789.123456789, InitialBalance = 1e9 },
            Rewards = new RewardsSection { Mode = RewardMode.Absolute, Alpha = 1.0 / 3, Beta = 1.0 / 3, Gamma = 1 - 2.0 / 3 },
            Consensus = new ConsensusSection { BlockTiming = BlockTiming.Fixed, TargetBlockTime = Math.PI },
            Populations = new PopulationsSection
            {
                Users = new UserPopulation
                {
                    Count = 1, Calls = new Distribution(DistributionKind.Uniform, 0.1, 2.0 / 3),
                    CallDuration = new Distribution(DistributionKind.Const, 0)
                },
                Miners = new MinerPopulation { Hashrate = new Distribution(DistributionKind.LogNormal, -1.5e-7, 0.3) },
            },
            Outputs = new OutputsSection { Charts = false },
        };
        var yaml = ScenarioWriter.ToYaml(s);
        var back = Reload(yaml);
        Assert.Equal(yaml, ScenarioWriter.ToYaml(back));
        Assert.Equal(0.1 + 0.2, back.Run.EpochLength);       // bit-exact, not 0.3
        Assert.Equal(long.MinValue, back.Run.Seed);
        Assert.Equal(2.0 / 3, back.Populations.Users.Calls.B);
    }

    [Fact]
    public void ShippedScenariosRoundTrip()
    {
        foreach (var file in Directory.GetFiles(RepoRoot.Scenarios, "*.yaml")
            .Where(f => !global::TokenEconSim.Scenarios.Sweeps.SweepLoader.HasSweepSection(f)))
        {
            var loaded = ScenarioLoader.LoadFile(file);
            Assert.True(loaded.Success, string.Join("\n", loaded.Errors));
            var yaml = ScenarioWriter.ToYaml(loaded.Scenario);
            Assert.Equal(yaml, ScenarioWriter.ToYaml(Reload(yaml)));
        }
    }

    [Fact]
    public void WritesEveryKeySnakeCaseInDeclarationOrderWithNotationAndLowerCaseEnums()
    {
        var yaml = ScenarioWriter.ToYaml(new Scenario(), "resolved from baseline.yaml\n\nseed 42");
        Assert.StartsWith("# resolved from baseline.yaml\n#\n# seed 42\n\nrun:\n  name: \"run\"\n  seed: 1\n  epochs: 100\n  epoch_length: 86400\n "
            + " agents_per_grain: auto\n\ntoken:\n", yaml);
        Assert.Contains("\nrewards:\n  mode: pool\n  alpha: 0.4\n", yaml);
        Assert.Contains("  c_gpu: 0.5\n  c_acc: 10000\n", yaml);
        Assert.Contains("  block_timing: poisson\n", yaml);
        Assert.Contains("  data_providers:\n    count: 40\n    participation: 1\n    batch_size: poisson(100)\n    quality: beta(8,2)\n", yaml);
        Assert.Contains("    call_duration: exp(1.5)\n", yaml);
        Assert.Contains("\noutputs:\n  charts: true\n  agents: none\n  agents_every: 1\n\ngovernance:\n  enabled: false\n", yaml);
        Assert.Contains("  proposals: []\n", yaml);
        Assert.EndsWith("marketplace:\n  enabled: false\n  publish_probability: 0.1\n  price: uniform(1,5)\n  purchase_probability: 0.2\n  "
            + "max_listings: 100\n", yaml);
        // Every leaf key of the schema is written once; the network section only when it is not all defaults (below).
        Assert.DoesNotContain("network:", yaml);
        foreach (var leaf in ScenarioSchema.Leaves.Where(l => !l.Path.StartsWith("network.", StringComparison.Ordinal)))
            Assert.Contains($"{new string(' ', 2 * (leaf.Path.Count(c => c == '.')))}{leaf.Key.Name}: ", yaml);
    }

    [Fact]
    public void TheNetworkSectionIsWrittenWholeOnceAnyKeyDiffersAndLoadsBack()
    {
        var scenario = new Scenario { Network = new NetworkSection { Topology = NetworkTopologyKind.Regions, RelayNodes = 10 } };
        var yaml = ScenarioWriter.ToYaml(scenario);
        Assert.EndsWith("network:\n  topology: regions\n  relay_nodes: 10\n  degree: 8\n  latency: 0.1\n  bandwidth: 20000000\n"
            + "  block_size_bytes: 1000000\n  validation_ms: 0\n  confirmations: 6\n  attacker:\n    strategy: none\n    share: 0.25\n"
            + "    gamma: 0\n    confirmations: 6\n    give_up: 40\n", yaml);
        Assert.Equal(yaml, ScenarioWriter.ToYaml(Reload(yaml)));
        // topology none with another key changed is written too: a later --set network.topology=… must see it.
        Assert.Contains("\nnetwork:\n", ScenarioWriter.ToYaml(new Scenario { Network = new NetworkSection { Degree = 4 } }));
    }

    [Fact]
    public void StringsAreQuotedAndEscaped()
    {
        Assert.Equal("\"plain\"", ScenarioWriter.FormatScalar("plain"));
        Assert.Equal("\"true\"", ScenarioWriter.FormatScalar("true"));
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u0001\"", ScenarioWriter.FormatScalar("a\"b\\c\nd\u0001"));
    }

    [Fact]
    public void WriterUsesInvariantCultureWhateverTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // The build is globalization-invariant, so fake a comma-decimal culture by hand.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            Assert.Equal("0,01", 0.01.ToString(System.Globalization.CultureInfo.CurrentCulture));
            var yaml = ScenarioWriter.ToYaml(new Scenario());
            Assert.Contains("fee_per_call: 0.01\n", yaml);
            Assert.True(ScenarioLoader.LoadText(yaml).Success);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}

using System.Security.Cryptography;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Consensus.Production;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Tests.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Consensus;

/// <summary>Whole runs under each consensus kind: determinism, real hashing audited, slashing and PBFT outcomes.</summary>
public class ConsensusRunTests
{
    // 10 blocks per 6000 s epoch; real hashing at ~8 H/s · 600 s ≈ 5 000 hashes per block.
    private static SmallScenario Small(ConsensusSection consensus, int validators = 7, int epochs = 8, int agentsPerGrain = 1) => new()
    {
        Epochs = epochs, EpochLength = 6_000, AgentsPerGrain = agentsPerGrain, Validators = validators, ConsensusSection = consensus,
    };

    public static TheoryData<string> Kinds => ["pow-sampled-bitcoin", "pow-sampled-asert", "pow-sampled-ethereum", "pow-real-bitcoin",
        "pow-sampled-lstm", "pow-real-lstm-asert", "pos", "dpos", "pbft"];

    private static ConsensusSection Section(string kind) => kind switch
    {
        "pow-sampled-bitcoin" => new() { Difficulty = new() { Algorithm = DifficultyAlgorithmKind.Bitcoin, RetargetWindow = 5 } },
        "pow-sampled-asert" => new() { Difficulty = new() { Algorithm = DifficultyAlgorithmKind.Asert, HalfLife = 3_600 } },
        "pow-sampled-ethereum" => new() { Difficulty = new() { Algorithm = DifficultyAlgorithmKind.Ethereum } },
        "pow-real-bitcoin" => new()
        {
            Hashing = HashingMode.Real, Difficulty = new()
            {
                Algorithm = DifficultyAlgorithmKind.Bitcoin,
                RetargetWindow = 5
            }
        },
        "pow-sampled-lstm" => new() { Difficulty = new() { Algorithm = DifficultyAlgorithmKind.Lstm, RetargetWindow = 5, Eta = 0.1 } },
        "pow-real-lstm-asert" => new()
        {
            Hashing = HashingMode.Real, Difficulty = new()
            {
                Algorithm = DifficultyAlgorithmKind.LstmAsert,
                RetargetWindow = 5, HalfLife = 3_600
            }
        },
        "pos" => new() { Kind = ConsensusKind.Pos, Pos = new() { Byzantine = 2, SlashFraction = 0.1, EquivocationProbability = 1 } },
        "dpos" => new() { Kind = ConsensusKind.Dpos, Dpos = new() { Producers = 3, MissProbability = 0.2 } },
        "pbft" => new() { Finality = FinalityKind.Pbft, Pbft = new() { Byzantine = 2, Behaviour = ByzantineKind.Silent } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SameSeedSameBytesWhateverTheSharding(string kind)
    {
        var one = MetricsText.Csv(await DirectRun.RunAsync(Small(Section(kind))));
        var sharded = MetricsText.Csv(await DirectRun.RunAsync(Small(Section(kind), agentsPerGrain: 16)));
        var again = MetricsText.Csv(await DirectRun.RunAsync(Small(Section(kind))));
        Assert.Equal(one, again);
        Assert.Equal(one, sharded);
        var otherSeed = MetricsText.Csv(await DirectRun.RunAsync(Small(Section(kind)) with { Seed = 8 }));
        Assert.NotEqual(one, otherSeed);
    }

    // An independent check of real hashing (docs/model.md §4.4): re-hash every header of a real-hashing run with plain
    // SHA-256 twice, compare each hash with the target its nBits decode to, follow every link.
    [Fact]
    public async Task EveryBlockOfARealHashingRunHashesBelowItsTargetAndLinksToItsParent()
    {
        var run = new DirectRun(Small(Section("pow-real-bitcoin"), epochs: 12).Build());
        var rows = await run.AdvanceAsync();
        var chain = ((PowProducer)run.Consensus.Producer).Chain!;
        Assert.True(chain.TipHeight >= 80, $"only {chain.TipHeight} blocks");
        var audit = ChainAudit.Verify(chain.Headers, (System.Numerics.BigInteger.One << 256) - 1);
        Assert.True(audit.Ok, audit.Reason);

        Span<byte> header = stackalloc byte[BlockHeader.Size];
        for (var h = 1; h <= chain.TipHeight; h++)
        {
            chain.Headers[h].Serialize(header);
            var hash = SHA256.HashData(SHA256.HashData(header));
            var value = new System.Numerics.BigInteger(hash, isUnsigned: true, isBigEndian: false);
            Assert.True(value <= CompactTarget.ToTarget(chain.Headers[h].Bits), $"block {h} above its target");
            chain.Headers[h - 1].Serialize(header);
            Assert.Equal(Sha256d.Hash(header), chain.Headers[h].PrevHash);
        }
        // blocks.csv's hashes are the chain's.
        var records = rows.SelectMany(r => r.BlockRecords).ToArray();
        Assert.Equal(chain.TipHeight, records.Length);
        Assert.All(records, r => Assert.Equal(chain.Hash(r.Height).ToString(), r.Hash));
    }

    [Fact]
    public async Task SampledBitcoinRetargetFollowsAHashrateShock()
    {
        // Windows of 50 blocks (5 epochs): Core measures 49 gaps over a 50-gap timespan, a 2 % bias per retarget.
        var section = new ConsensusSection { Difficulty = new() { Algorithm = DifficultyAlgorithmKind.Bitcoin, RetargetWindow = 50 } };
        var s = Small(section, epochs: 40) with { Miners = 6 };
        var scenario = s.Build();
        var shocked = new Scenario
        {
            Run = scenario.Run, Token = scenario.Token, Rewards = scenario.Rewards, Consensus = scenario.Consensus,
            Populations = new PopulationsSection
            {
                DataProviders = scenario.Populations.DataProviders, Trainers = scenario.Populations.Trainers,
                Users = scenario.Populations.Users, Validators = scenario.Populations.Validators,
                Miners = new MinerPopulation { Count = 6, ShockEpoch = 10, ShockFactor = 4 },
            },
        };
        var rows = await new DirectRun(shocked).AdvanceAsync();
        var before = rows.Take(10).Average(r => r.Difficulty);
        var after = rows.Skip(30).Average(r => r.Difficulty);
        Assert.InRange(after / before, 3.0, 5.5); // retargets recover the 4× hashrate
        Assert.InRange(rows.Skip(30).Sum(r => r.Blocks) / 10.0, 7, 13); // ~10 blocks per epoch again
    }

    [Fact]
    public async Task EquivocatorsAreSlashedAndTheSlashIsBurned()
    {
        var rows = await DirectRun.RunAsync(Small(Section("pos"), validators: 6, epochs: 10));
        Assert.True(rows.Sum(r => r.SlashEvents) > 0);
        Assert.All(rows, r => Assert.True(r.Burned >= r.Slashed));
        Assert.True(rows.Sum(r => r.Slashed) > 0);
        Assert.All(rows, r => Assert.True(double.IsNaN(r.Difficulty))); // PoS blocks carry no target
    }

    [Fact]
    public async Task PbftCommitsWithFSilentValidatorsAndRejectsWithMore()
    {
        var withF = await DirectRun.RunAsync(Small(Section("pbft"), validators: 7, epochs: 3));
        Assert.All(withF, r => Assert.True(r.Accepted));
        Assert.All(withF, r => Assert.True(r.ViewChanges >= 1 && r.PbftRounds > 3)); // validator 0, the first primary, is silent
        Assert.All(withF, r => Assert.Equal((5, 5), (r.ValidVotes, r.Quorum))); // n = 7, f = 2: ⌈(7+2+1)/2⌉; the 5 honest commit

        var tooMany = new ConsensusSection { Finality = FinalityKind.Pbft, Pbft = new() { Byzantine = 3, MaxRounds = 300 } };
        var rejected = await DirectRun.RunAsync(Small(tooMany, validators: 7, epochs: 3));
        Assert.All(rejected, r => Assert.False(r.Accepted));
        Assert.All(rejected, r => Assert.True(r.ValidVotes < r.Quorum));
        Assert.All(rejected, r => Assert.Equal(0, r.RewardTotal(Role.DataProvider)));
    }

    [Fact]
    public async Task DposRecordsMissedSlotsAndPaysOnlyProducedBlocks()
    {
        var rows = await DirectRun.RunAsync(Small(Section("dpos"), validators: 9, epochs: 10));
        Assert.True(rows.Sum(r => r.MissedSlots) > 0);
        Assert.All(rows, r => Assert.Equal(10, r.Blocks + r.MissedSlots));
        Assert.All(rows, r => Assert.Equal(r.Blocks * 50 * TokenUnits.PerToken + 20 * TokenUnits.PerToken,
            r.RewardTotal(Role.Validator)));
    }
}

using System.Globalization;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>A small scenario with the knobs the simulation tests turn; everything else is the default.</summary>
internal sealed record SmallScenario
{
    public long Seed { get; init; } = 7;
    public int Epochs { get; init; } = 20;
    public int AgentsPerGrain { get; init; } = 1;
    public double EpochLength { get; init; } = 86_400;
    public int Providers { get; init; } = 30;
    public int Trainers { get; init; } = 15;
    public int Users { get; init; } = 20;
    public int Validators { get; init; } = 7;
    public int Miners { get; init; } = 6;
    public double Participation { get; init; } = 1.0;
    public RewardMode Mode { get; init; } = RewardMode.Pool;
    public double Alpha { get; init; } = 0.4;
    public double Beta { get; init; } = 0.3;
    public double Gamma { get; init; } = 0.3;
    public double InitialBalance { get; init; } = 100;
    public double Emission { get; init; } = 10_000;
    public int HalvingInterval { get; init; }
    public double FeePerCall { get; init; } = 0.01;
    public double FeeBurnFraction { get; init; } = 1.0;
    public double VoteValidProbability { get; init; } = 0.99;
    public BlockTiming BlockTiming { get; init; } = BlockTiming.Poisson;
    public double TargetBlockTime { get; init; } = 600;
    /// <summary>A whole consensus section (kind, hashing, difficulty, finality, …) instead of the keys above.</summary>
    public ConsensusSection? ConsensusSection { get; init; }
    /// <summary>A learning section (e.g. federated) instead of the synthetic default.</summary>
    public LearningSection? Learning { get; init; }
    /// <summary>What the run writes (outputs.agents: its per-agent rows); the default writes none.</summary>
    public OutputsSection? Outputs { get; init; }
    public RewardScoring Scoring { get; init; } = RewardScoring.Raw;
    /// <summary>rewards.yuma (with <see cref="Scoring"/> yuma); null: subtensor's defaults, unbiased noiseless validators.</summary>
    public YumaSection? Yuma { get; init; }
    /// <summary>populations.data_providers.batch_size; null: the default.</summary>
    public Domain.Distributions.Distribution? BatchSize { get; init; }

    public int Total => Providers + Trainers + Users + Validators + Miners;

    public Scenario Build() => new()
    {
        Run = new RunSection { Seed = Seed, Epochs = Epochs, AgentsPerGrain = new ShardSize(AgentsPerGrain), EpochLength = EpochLength },
        Token = new TokenSection
        {
            InitialBalance = InitialBalance, EmissionPerEpoch = Emission, HalvingInterval = HalvingInterval,
            FeePerCall = FeePerCall, FeeBurnFraction = FeeBurnFraction,
        },
        Rewards = new RewardsSection { Mode = Mode, Alpha = Alpha, Beta = Beta, Gamma = Gamma, Scoring = Scoring, Yuma = Yuma ?? new YumaSection() },
        Learning = Learning ?? new LearningSection(),
        Consensus = ConsensusSection ?? new ConsensusSection
        {
            BlockTiming = BlockTiming, TargetBlockTime = TargetBlockTime, VoteValidProbability = VoteValidProbability,
        },
        Populations = new PopulationsSection
        {
            DataProviders = new DataProviderPopulation
            {
                Count = Providers, Participation = Participation, BatchSize = BatchSize ?? new DataProviderPopulation().BatchSize,
            },
            Trainers = new TrainerPopulation { Count = Trainers, Participation = Participation },
            Users = new UserPopulation { Count = Users, Participation = Participation },
            Validators = new ValidatorPopulation { Count = Validators, Participation = Participation },
            Miners = new MinerPopulation { Count = Miners, Participation = Participation },
        },
        Outputs = Outputs ?? new OutputsSection(),
    };
}

/// <summary>A run on the direct engine, with the gateway kept so tests can read agents' balances.</summary>
internal sealed class DirectRun
{
    public DirectRun(Scenario scenario, Func<IShardGateway, IShardGateway>? wrap = null)
    {
        Scenario = scenario;
        Model = new RunModel(scenario);
        Gateway = new DirectShardGateway(Model);
        Consensus = ConsensusFactory.Create(scenario);
        Loop = new EpochLoop(Model, wrap is null ? Gateway : wrap(Gateway), Consensus);
    }

    public Scenario Scenario { get; }
    public RunModel Model { get; }
    public DirectShardGateway Gateway { get; }
    public ChainConsensus Consensus { get; }
    public EpochLoop Loop { get; }

    public Task<IReadOnlyList<EpochMetrics>> AdvanceAsync(int epochs = int.MaxValue) =>
        Loop.AdvanceAsync(epochs, TestContext.Current.CancellationToken);

    public Task InitializeAsync() => Loop.InitializeAsync(TestContext.Current.CancellationToken);

    public static Task<IReadOnlyList<EpochMetrics>> RunAsync(SmallScenario s) => new DirectRun(s.Build()).AdvanceAsync();

    public long[] Balances() =>
        [.. Enumerable.Range(0, Model.Layout.Total).Select(id => Gateway.Shards.First(s => id >= s.First && id < s.First + s.Count).BalanceOf(id))];
}

internal static class MetricsText
{
    /// <summary>Every MetricColumns value of every row, round-trip formatted: equal text ⇔ equal metrics.</summary>
    public static string Csv(IEnumerable<EpochMetrics> rows) => string.Join("\n",
        rows.Select(r => string.Join(",", MetricColumns.All.Select(c => c.Read(r).ToString("R", CultureInfo.InvariantCulture)))));
}

using TokenEconSim.Domain.Distributions;

namespace TokenEconSim.Domain.Parameters;

// The typed scenario: one class per YAML section, one property per key (PascalCase here,
// snake_case in YAML). Defaults are the property initialisers; scenarios/README.md documents each
// key and docs/model.md each formula. Never rename a key without keeping the old one readable.

/// <summary>A whole scenario file after `extends` is merged and defaults are applied.</summary>
public sealed class Scenario
{
    public RunSection Run { get; init; } = new();
    public TokenSection Token { get; init; } = new();
    public RewardsSection Rewards { get; init; } = new();
    public LearningSection Learning { get; init; } = new();
    public ConsensusSection Consensus { get; init; } = new();
    public PopulationsSection Populations { get; init; } = new();
    public BehaviourSection Behaviour { get; init; } = new();
    public OutputsSection Outputs { get; init; } = new();
    public GovernanceSection Governance { get; init; } = new();
    public MarketSection Market { get; init; } = new();
    public MarketplaceSection Marketplace { get; init; } = new();
    public NetworkSection Network { get; init; } = new();
}

public sealed class RunSection
{
    /// <summary>Names the results folder: runs/&lt;name&gt;-&lt;utc timestamp&gt;/.</summary>
    public string Name { get; init; } = "run";
    /// <summary>The run seed; every random draw derives from it.</summary>
    public long Seed { get; init; } = 1;
    [Range(1, 10_000_000)] public int Epochs { get; init; } = 100;
    /// <summary>Simulated seconds per epoch (86 400 = one day).</summary>
    [Range(0, MinExclusive = true)] public double EpochLength { get; init; } = 86_400;
    /// <summary>Agents hosted per grain (1 = one grain per participant). Never changes a result.</summary>
    public ShardSize AgentsPerGrain { get; init; } = ShardSize.Auto;
}

public sealed class TokenSection
{
    /// <summary>Tokens each agent holds at the start.</summary>
    [Range(0, 1e9)] public double InitialBalance { get; init; } = 100;
    /// <summary>Tokens minted into the reward pool each accepted epoch, before halvings.</summary>
    [Range(0, 1e12)] public double EmissionPerEpoch { get; init; } = 10_000;
    /// <summary>Epochs between halvings of every minted reward; 0 = never.</summary>
    [Range(0, int.MaxValue)] public int HalvingInterval { get; init; }
    /// <summary>Tokens minted to the miner of each PoW block, before halvings.</summary>
    [Range(0, 1e12)] public double BlockReward { get; init; } = 50;
    /// <summary>Tokens minted to the epoch's stake-selected proposer, before halvings.</summary>
    [Range(0, 1e12)] public double ProposerReward { get; init; } = 20;
    /// <summary>Tokens a service user pays per call (capped at its balance).</summary>
    [Range(0, 1e9)] public double FeePerCall { get; init; } = 0.01;
    /// <summary>Fraction of fees burned; the rest funds the reward pool.</summary>
    [Range(0, 1)] public double FeeBurnFraction { get; init; } = 1.0;
}

/// <summary>How rewards are paid (docs/model.md §3): <c>pool</c> splits the pool by R_i; <c>absolute</c> mints R_i; <c>shares</c> gives
/// α, β, γ of the pool to providers, trainers and users, each part split by its members' R_i (§17.7).</summary>
public enum RewardMode { Pool, Absolute, Shares }

public sealed class RewardsSection
{
    public RewardMode Mode { get; init; } = RewardMode.Pool;
    [Range(0, 1)] public double Alpha { get; init; } = 0.4;
    [Range(0, 1)] public double Beta { get; init; } = 0.3;
    [Range(0, 1)] public double Gamma { get; init; } = 0.3;
    /// <summary>V_T tokens per GPU-hour.</summary>
    [Range(0, 1e9)] public double CGpu { get; init; } = 0.5;
    /// <summary>V_T per unit of accuracy gain (a fraction: 0.02 = 2 %).</summary>
    [Range(0, 1e12)] public double CAcc { get; init; } = 10_000;
    /// <summary>How a role's part is split among its providers or trainers: by value (raw) or by Yuma incentive (docs/model.md §3.6).</summary>
    public RewardScoring Scoring { get; init; } = RewardScoring.Raw;
    /// <summary>The Yuma 3 epoch's parameters and the validators' evaluation (read only with scoring: yuma).</summary>
    public YumaSection Yuma { get; init; } = new();
}

/// <summary>rewards.scoring: <c>raw</c> pays providers and trainers by their values; <c>yuma</c> by the validators' Yuma 3 consensus.</summary>
public enum RewardScoring { Raw, Yuma }

/// <summary>
/// rewards.yuma (docs/model.md §3.6): subtensor's Yuma 3 hyperparameters, defaults as subtensor's runtime sets them, and each
/// validator's evaluation bias and noise, drawn once per validator at the start (in units of the role's mean value).
/// </summary>
public sealed class YumaSection
{
    /// <summary>κ: the stake share that must back a weight for it to count; in (0, 1).</summary>
    [Range(0, 1, MinExclusive = true)] public double Kappa { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.Kappa;
    /// <summary>β_p: bonds follow the raw weights at 0, the clipped ones at 1.</summary>
    [Range(0, 1)] public double BondsPenalty { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.BondsPenalty;
    /// <summary>The bonds' EMA memory m when liquid alpha is off (α = 1 − m).</summary>
    [Range(0, 1)] public double BondsMovingAverage { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.BondsMovingAverage;
    /// <summary>One α per bond from a sigmoid of its distance to consensus (Yuma 3) instead of 1 − m.</summary>
    public bool LiquidAlpha { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.LiquidAlpha;
    /// <summary>The smallest per-bond α, at most alpha_high.</summary>
    [Range(0, 1, MinExclusive = true)] public double AlphaLow { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.AlphaLow;
    /// <summary>The largest per-bond α.</summary>
    [Range(0, 1, MinExclusive = true)] public double AlphaHigh { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.AlphaHigh;
    /// <summary>k: the per-bond α's sigmoid has slope k/100 (subtensor's i16).</summary>
    [Range(-32_768, 32_767)] public double AlphaSigmoidSteepness { get; init; } = Rewards.Yuma.YumaParameters.Subtensor.AlphaSigmoidSteepness;
    /// <summary>Each validator's additive bias b, drawn once per validator, in units of the role's mean value (may be negative).</summary>
    public Distribution Bias { get; init; } = new(DistributionKind.Const, 0);
    /// <summary>Each validator's noise σ, drawn once per validator, in units of the role's mean value.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution Noise { get; init; } = new(DistributionKind.Const, 0);

    /// <summary>Validators (the lowest ids) colluding with the first trainer: each multiplies its score of it by collusion_boost.</summary>
    [Range(0, 100_000_000)] public int Colluders { get; init; }
    /// <summary>The factor by which a colluding validator inflates its score of its partner.</summary>
    [Range(1, 1e6)] public double CollusionBoost { get; init; } = 10;
    /// <summary>Validators (after the colluders, by id) that set as weights the consensus of the role's last Yuma epoch.</summary>
    [Range(0, 100_000_000)] public int Copiers { get; init; }
    /// <summary>Validators (after the copiers, by id) that evaluate only every lazy_period epochs and keep those weights between.</summary>
    [Range(0, 100_000_000)] public int Lazy { get; init; }
    /// <summary>Epochs between a lazy validator's evaluations (it evaluates at epochs that are multiples of this).</summary>
    [Range(1, 1_000_000)] public int LazyPeriod { get; init; } = 10;

    /// <summary>The epoch's parameters (validate first: <see cref="Rewards.Yuma.YumaParameters.Problems"/>).</summary>
    public Rewards.Yuma.YumaParameters Parameters =>
        new(Kappa, BondsPenalty, BondsMovingAverage, LiquidAlpha, AlphaLow, AlphaHigh, AlphaSigmoidSteepness);
}

public enum LearningKind { Synthetic, Federated }

public sealed partial class LearningSection
{
    public LearningKind Kind { get; init; } = LearningKind.Synthetic;
    /// <summary>Synthetic model: Δacc = gain · mean provider quality · U(0,1).</summary>
    [Range(0, 1)] public double Gain { get; init; } = 0.02;
}

public enum ConsensusKind { Pow, Pos, Dpos }
public enum HashingMode { Sampled, Real }
public enum BlockTiming { Poisson, Fixed }
public enum FinalityKind { Vote, Pbft }
public enum DifficultyAlgorithmKind { Fixed, Bitcoin, Asert, Ethereum, Lstm, LstmAsert, PredictiveAsert }

public static class DifficultyAlgorithmKinds
{
    /// <summary>The algorithms that read a hashrate forecast: the run keeps a forecaster only for these.</summary>
    public static bool Forecasts(this DifficultyAlgorithmKind kind) =>
        kind is DifficultyAlgorithmKind.Lstm or DifficultyAlgorithmKind.LstmAsert or DifficultyAlgorithmKind.PredictiveAsert;
}
public enum ByzantineKind { Silent, Equivocating, WrongDigest, Random }

public sealed class ConsensusSection
{
    public ConsensusKind Kind { get; init; } = ConsensusKind.Pow;
    public HashingMode Hashing { get; init; } = HashingMode.Sampled;
    /// <summary>poisson: inter-block times ~ Exp(D·2³²/H); fixed: exactly epoch_length / target_block_time blocks.</summary>
    public BlockTiming BlockTiming { get; init; } = BlockTiming.Poisson;
    /// <summary>Seconds; sets the initial difficulty so that the initial hashrate meets it.</summary>
    [Range(0, MinExclusive = true)] public double TargetBlockTime { get; init; } = 600;
    /// <summary>Probability that a validator votes the epoch valid.</summary>
    [Range(0, 1)] public double VoteValidProbability { get; init; } = 0.99;
    /// <summary>How the validators decide each epoch: counted votes, or PBFT among them.</summary>
    public FinalityKind Finality { get; init; } = FinalityKind.Vote;
    public DifficultySection Difficulty { get; init; } = new();
    public PbftSection Pbft { get; init; } = new();
    public PosSection Pos { get; init; } = new();
    public DposSection Dpos { get; init; } = new();
}

public sealed class DifficultySection
{
    public DifficultyAlgorithmKind Algorithm { get; init; } = DifficultyAlgorithmKind.Fixed;
    /// <summary>bitcoin, lstm, lstm_asert: blocks per retarget / forecast window.</summary>
    [Range(2, 1_000_000)] public int RetargetWindow { get; init; } = 2016;
    /// <summary>bitcoin: a window's timespan is clamped to [T/k, T·k].</summary>
    [Range(1, 1_000)] public int ClampFactor { get; init; } = 4;
    /// <summary>asert: seconds ahead of schedule that double the difficulty.</summary>
    [Range(1, 1e9)] public double HalfLife { get; init; } = 172_800;
    /// <summary>ethereum: EIP-2's exponential term.</summary>
    public bool Bomb { get; init; }
    /// <summary>lstm: weight of the predicted relative hashrate change, D·(1 + η(Ĥ − H)/H).</summary>
    [Range(0.01, 0.1)] public double Eta { get; init; } = 0.05;
    /// <summary>lstm, lstm_asert: what forecasts the next window's hashrate.</summary>
    public PredictorKind Predictor { get; init; } = PredictorKind.Lstm;
    public LstmPredictorSection Lstm { get; init; } = new();
    /// <summary>holt: smoothing of the level of ln H.</summary>
    [Range(0, 1, MinExclusive = true)] public double HoltAlpha { get; init; } = 0.5;
    /// <summary>holt: smoothing of the trend of ln H.</summary>
    [Range(0, 1)] public double HoltBeta { get; init; } = 0.1;
    /// <summary>seasonal_naive: windows in one season (the period of the hashrate's cycle).</summary>
    [Range(1, 100_000)] public int SeasonWindows { get; init; } = 7;
    /// <summary>predictive_asert: the largest weight w of the forecast, reached at skill 1 (docs/model.md §4.2).</summary>
    [Range(0, 0.95)] public double TrustMax { get; init; } = 0.8;
    /// <summary>predictive_asert: closed windows over which the forecast's skill against last value is scored.</summary>
    [Range(1, 10_000)] public int SkillWindows { get; init; } = 6;
}

public enum PredictorKind { Lstm, LastValue, Holt, SeasonalNaive }

/// <summary>The LSTM hashrate predictor (docs/model.md §4.2): network shape and online training schedule.</summary>
public sealed class LstmPredictorSection
{
    /// <summary>Past windows the network reads to predict the next.</summary>
    [Range(2, 512)] public int Window { get; init; } = 12;
    [Range(1, 256)] public int Hidden { get; init; } = 16;
    [Range(1, 2)] public int Layers { get; init; } = 1;
    /// <summary>Retrain after this many new windows.</summary>
    [Range(1, 10_000)] public int TrainEvery { get; init; } = 8;
    /// <summary>Passes over the training pairs per retraining.</summary>
    [Range(1, 1_000)] public int Epochs { get; init; } = 5;
    /// <summary>Observations kept for training (a sliding history).</summary>
    [Range(3, 100_000)] public int History { get; init; } = 64;
    [Range(0, 1, MinExclusive = true)] public double LearningRate { get; init; } = 0.01;
    /// <summary>What the network learns: the level ln H (the original rule) or the change ln H′ − ln H (docs/model.md §4.2).</summary>
    public LstmForecastTarget Forecast { get; init; } = LstmForecastTarget.Level;
    /// <summary>What the network reads per window: the hashrate alone, or with the price, block value, difficulty and phase.</summary>
    public LstmInputs Inputs { get; init; } = LstmInputs.Hashrate;
    /// <summary>Seconds of the period whose phase (sin, cos) the inputs carry with <c>inputs: all</c>; 0: no phase.</summary>
    [Range(0, 1e12)] public double Period { get; init; }
}

/// <summary>
/// The LSTM's inputs per window (docs/model.md §4.2): <c>hashrate</c>, its own series alone (the original predictor); <c>all</c>,
/// also ln p and its change, ln(block reward · p), ln D and the phase of <c>lstm.period</c>, all known when the window closed.
/// </summary>
public enum LstmInputs { Hashrate, All }

/// <summary>
/// The LSTM's training target. <c>level</c> regresses toward the mean of the z-scored history, so under a trend
/// it forecasts below the last window; <c>change</c> learns the window-to-window growth, which a trend keeps stationary.
/// </summary>
public enum LstmForecastTarget { Level, Change }

public sealed class PbftSection
{
    /// <summary>Validators (the lowest ids) that are Byzantine.</summary>
    [Range(0, 100_000_000)] public int Byzantine { get; init; }
    public ByzantineKind Behaviour { get; init; } = ByzantineKind.Silent;
    /// <summary>Protocol rounds before a replica starts a view change (doubled per view); a commit takes 3.</summary>
    [Range(4, 1_000)] public int TimeoutRounds { get; init; } = 8;
    /// <summary>Rounds after which an epoch that has not committed is rejected.</summary>
    [Range(1, 1_000_000)] public int MaxRounds { get; init; } = 2_000;
}

public sealed class PosSection
{
    /// <summary>Fraction of an equivocator's stake slashed (burned) per offence.</summary>
    [Range(0, 1)] public double SlashFraction { get; init; } = 0.05;
    /// <summary>Validators (the lowest ids) that may equivocate.</summary>
    [Range(0, 100_000_000)] public int Byzantine { get; init; }
    /// <summary>Probability that a Byzantine proposer signs a second block for its slot.</summary>
    [Range(0, 1)] public double EquivocationProbability { get; init; } = 0.5;
    /// <summary>Slots a slashed validator may not propose.</summary>
    [Range(0, 1_000_000_000)] public int JailSlots { get; init; }
}

public sealed class DposSection
{
    /// <summary>K: producers elected each epoch by delegated stake.</summary>
    [Range(1, 100_000)] public int Producers { get; init; } = 21;
    /// <summary>Share of a block reward the producer keeps; the rest goes to its delegators.</summary>
    [Range(0, 1)] public double Commission { get; init; } = 0.1;
    [Range(0, 1)] public double MissProbability { get; init; } = 0.01;
    /// <summary>Probability that a holder re-delegates in an epoch.</summary>
    [Range(0, 1)] public double RedelegationProbability { get; init; } = 0.05;
}

public sealed class PopulationsSection
{
    public DataProviderPopulation DataProviders { get; init; } = new();
    public TrainerPopulation Trainers { get; init; } = new();
    public UserPopulation Users { get; init; } = new();
    public ValidatorPopulation Validators { get; init; } = new();
    public MinerPopulation Miners { get; init; } = new();

    /// <summary>The population of <paramref name="role"/>.</summary>
    public PopulationBase Of(Agents.Role role) => role switch
    {
        Agents.Role.DataProvider => DataProviders,
        Agents.Role.Trainer => Trainers,
        Agents.Role.ServiceUser => Users,
        Agents.Role.Validator => Validators,
        Agents.Role.Miner => Miners,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>What every role's population has.</summary>
public abstract class PopulationBase
{
    [Range(0, 100_000_000)] public int Count { get; init; }
    /// <summary>Probability that an agent takes part in a given epoch.</summary>
    [Range(0, 1)] public double Participation { get; init; } = 1.0;
}

public sealed class DataProviderPopulation : PopulationBase
{
    public DataProviderPopulation() => Count = 40;
    /// <summary>Records per batch, n (rounded down to an integer).</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution BatchSize { get; init; } = new(DistributionKind.Poisson, 100);
    /// <summary>Batch quality q in [0, 1].</summary>
    [Samples(SampleDomain.UnitInterval)] public Distribution Quality { get; init; } = new(DistributionKind.Beta, 8, 2);
}

public sealed class TrainerPopulation : PopulationBase
{
    public TrainerPopulation() => Count = 20;
    /// <summary>GPU-hours spent per epoch, g.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution GpuHours { get; init; } = new(DistributionKind.Gamma, 2, 5);
}

public sealed class UserPopulation : PopulationBase
{
    public UserPopulation() => Count = 30;
    /// <summary>Service calls per epoch, k (rounded down).</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution Calls { get; init; } = new(DistributionKind.Poisson, 20);
    /// <summary>Duration of one call in billing units.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution CallDuration { get; init; } = new(DistributionKind.Exp, 1.5);
}

public sealed class ValidatorPopulation : PopulationBase
{
    public ValidatorPopulation() => Count = 5;
    /// <summary>Stake, drawn once at the start.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution Stake { get; init; } = new(DistributionKind.LogNormal, 3, 1);
}

public sealed class MinerPopulation : PopulationBase
{
    public MinerPopulation() => Count = 5;
    /// <summary>Hashrate in hashes per second, drawn once at the start.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution Hashrate { get; init; } = new(DistributionKind.LogNormal, 0, 1);
    /// <summary>From this epoch on every miner's hashrate is multiplied by <see cref="ShockFactor"/> (-1: never).</summary>
    [Range(-1, 10_000_000)] public int ShockEpoch { get; init; } = -1;
    [Range(0, 1e6)] public double ShockFactor { get; init; } = 1;
    /// <summary>The shock ends (hashrate recovers) at this epoch; -1: it lasts.</summary>
    [Range(-1, 10_000_000)] public int ShockEndEpoch { get; init; } = -1;
    /// <summary>Steady growth: hashrate × (1 + g)^epoch.</summary>
    [Range(-0.5, 1)] public double GrowthPerEpoch { get; init; }
    /// <summary>Log-normal random walk of the network hashrate: σ per epoch (0: none).</summary>
    [Range(0, 2)] public double RandomWalkSigma { get; init; }
    /// <summary>Periodic hash switching: every period of P epochs, its second half runs at × <see cref="SwitchFactor"/> (0: none).</summary>
    [Range(0, 10_000_000)] public int SwitchPeriod { get; init; }
    [Range(0, 1e6)] public double SwitchFactor { get; init; } = 1;
    /// <summary>Greedy hashrate (× the loyal hashrate) that mines only while difficulty is cheap (sampled PoW).</summary>
    [Range(0, 100)] public double GreedyFraction { get; init; }
    /// <summary>Greedy miners join below (1 − θ) and leave above (1 + θ) of the loyal miners' fair difficulty.</summary>
    [Range(0, 1)] public double GreedyThreshold { get; init; } = 0.1;
}

public sealed class OutputsSection
{
    /// <summary>Write PNG and SVG charts beside metrics.csv.</summary>
    public bool Charts { get; init; } = true;
    /// <summary>Which epochs agents.parquet records, one row per agent each (docs/model.md §17.8): none (no file), the final epoch, or every
    /// <see cref="AgentsEvery"/> epochs.</summary>
    public AgentsOutput Agents { get; init; } = AgentsOutput.None;
    /// <summary>With agents: every, the epochs recorded are N − 1, 2N − 1, … and the final one.</summary>
    [Range(1, 10_000_000)] public int AgentsEvery { get; init; } = 1;

    /// <summary>Whether agents.parquet has rows for <paramref name="epoch"/> (0-based) of a run of <paramref name="epochs"/> epochs: the one
    /// rule both engines' shards and the writer follow.</summary>
    public bool RecordsAgents(int epoch, int epochs) => Agents switch
    {
        AgentsOutput.Final => epoch == epochs - 1,
        AgentsOutput.Every => epoch == epochs - 1 || (epoch + 1) % AgentsEvery == 0,
        _ => false,
    };
}

/// <summary>outputs.agents: which epochs the per-agent file records.</summary>
public enum AgentsOutput { None, Final, Every }

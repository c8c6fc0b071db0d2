namespace TokenEconSim.Domain.Parameters;

// Agents that respond to incentives: costs, a choice model per population, entry and exit, and
// cheating as a choice. docs/model.md "Agents' behaviour and incentives" holds every formula and
// its source; scenarios/README.md every key. The default, `model: fixed` for every population,
// keeps today's exogenous draws: none of these keys is read and every result is unchanged.

/// <summary>How a population decides: today's exogenous draws, or one of three ways of responding to profit.</summary>
public enum BehaviourModel { Fixed, BestResponse, Logit, Bandit }

/// <summary>The bandit's rule: ε-greedy (Sutton and Barto) or UCB1 (Auer, Cesa-Bianchi and Fischer 2002).</summary>
public enum BanditRule { EpsilonGreedy, Ucb1 }

/// <summary>What costs and values are written in: tokens, or stable units converted at the token price.</summary>
public enum CostNumeraire { Token, Stable }

/// <summary>The <c>behaviour</c> section: the numeraire, then one sub-section per population.</summary>
public sealed class BehaviourSection
{
    /// <summary>token: costs are in tokens; stable: in stable units, divided by the token price (stable per token) each epoch.</summary>
    public CostNumeraire Numeraire { get; init; } = CostNumeraire.Token;
    public ProviderBehaviour DataProviders { get; init; } = new();
    public TrainerBehaviour Trainers { get; init; } = new();
    public UserBehaviour Users { get; init; } = new();
    public ValidatorBehaviour Validators { get; init; } = new();
    public MinerBehaviour Miners { get; init; } = new();
}

/// <summary>What every population's behaviour has: the choice model, its constants, entry and exit.</summary>
public abstract class RoleBehaviourSection
{
    public BehaviourModel Model { get; init; } = BehaviourModel.Fixed;
    /// <summary>Actions of "how much": a role-specific ladder of this many levels (see each role).</summary>
    [Range(1, 8)] public int Levels { get; init; } = 3;
    /// <summary>best_response, and entry: probability ρ that an agent reconsiders in a given epoch.</summary>
    [Range(0, 1, MinExclusive = true)] public double Inertia { get; init; } = 0.05;
    /// <summary>logit: rationality λ, per token of expected profit (0: uniform choice).</summary>
    [Range(0, 1e6)] public double Lambda { get; init; } = 1;
    /// <summary>logit: weight w of the newest realised profit in the exponentially weighted average.</summary>
    [Range(0, 1, MinExclusive = true)] public double Smoothing { get; init; } = 0.1;
    public BanditRule Bandit { get; init; } = BanditRule.EpsilonGreedy;
    /// <summary>bandit ε-greedy: probability of a uniformly random action.</summary>
    [Range(0, 1)] public double Epsilon { get; init; } = 0.1;
    /// <summary>bandit UCB1: scale of the exploration bonus, tokens (the profits' range).</summary>
    [Range(0, 1e12)] public double UcbScale { get; init; } = 10;
    /// <summary>Maximum population, latent agents included; 0: the population's count (no latent agents).</summary>
    [Range(0, 100_000_000)] public int MaxCount { get; init; }
    /// <summary>Tokens of expected profit over the look-back an absent agent needs before it enters.</summary>
    [Range(0, 1e12)] public double EntryCost { get; init; }
    /// <summary>Epochs over which an absent agent sums the profit it would have made.</summary>
    [Range(1, 10_000)] public int LookBack { get; init; } = 5;
    /// <summary>An agent leaves after this many loss-making epochs in a row; 0: never.</summary>
    [Range(0, 1_000_000)] public int ExitAfter { get; init; }
}

/// <summary>Stake to register and cheating as a choice (providers and trainers).</summary>
public abstract class StakedRoleBehaviourSection : RoleBehaviourSection
{
    /// <summary>Adds the cheap dishonest variant of every action to the choices.</summary>
    public bool Cheating { get; init; }
    /// <summary>A cheat costs this fraction of the honest action's cost.</summary>
    [Range(0, 1)] public double CheatCostFraction { get; init; } = 0.1;
    /// <summary>Probability that the validators' checks catch a cheat, when every validator takes part.</summary>
    [Range(0, 1)] public double DetectionProbability { get; init; } = 0.5;
    /// <summary>Tokens bonded to register; an agent whose bond falls below it must leave.</summary>
    [Range(0, 1e12)] public double Stake { get; init; }
    /// <summary>Tokens slashed from the bond for each detected cheat (at most the bond).</summary>
    [Range(0, 1e12)] public double Slash { get; init; }
}

public sealed class ProviderBehaviour : StakedRoleBehaviourSection
{
    /// <summary>Records n of the middle batch size; levels are n·2^(j − ⌊L/2⌋).</summary>
    [Range(0, 1e9)] public double Records { get; init; } = 100;
    /// <summary>Lowest quality effort q offered.</summary>
    [Range(0, 1)] public double QualityLow { get; init; } = 0.6;
    /// <summary>Highest quality effort q offered.</summary>
    [Range(0, 1)] public double QualityHigh { get; init; } = 0.95;
    /// <summary>Quality efforts, evenly spaced from quality_low to quality_high.</summary>
    [Range(1, 8)] public int QualityLevels { get; init; } = 2;
    /// <summary>c₀: cost per record.</summary>
    [Range(0, 1e12)] public double CostPerRecord { get; init; } = 0.5;
    /// <summary>c₁: cost per record of quality, times q^k.</summary>
    [Range(0, 1e12)] public double QualityCost { get; init; } = 1;
    /// <summary>k: how steeply quality costs rise.</summary>
    [Range(0, 100)] public double QualityExponent { get; init; } = 2;
}

public sealed class TrainerBehaviour : StakedRoleBehaviourSection
{
    /// <summary>GPU-hours g of the middle level; levels are g·2^(j − ⌊L/2⌋).</summary>
    [Range(0, 1e9)] public double GpuHours { get; init; } = 10;
    /// <summary>Cost per GPU-hour.</summary>
    [Range(0, 1e12)] public double CostPerGpuHour { get; init; } = 5;
}

public sealed class UserBehaviour : RoleBehaviourSection
{
    /// <summary>Calls k of the middle level; levels are k·2^(j − ⌊L/2⌋).</summary>
    [Range(0, 1e9)] public double Calls { get; init; } = 20;
    /// <summary>v₀: what a call is worth to its user at the reference accuracy.</summary>
    [Range(0, 1e12)] public double ValuePerCall { get; init; } = 0.05;
    /// <summary>Accuracy at which a call is worth v₀.</summary>
    [Range(0, 1, MinExclusive = true)] public double ReferenceAccuracy { get; init; } = 0.9;
    /// <summary>ε: a call is worth v₀·(accuracy / reference)^ε.</summary>
    [Range(0, 100)] public double AccuracyElasticity { get; init; } = 1;
}

public sealed class ValidatorBehaviour : RoleBehaviourSection
{
    public ValidatorBehaviour() => Levels = 1;
    /// <summary>Opportunity cost of bonded stake: a yield per epoch (0.001 = 0.1 % of the stake).</summary>
    [Range(0, 1)] public double StakeYield { get; init; } = 0.001;
}

public sealed class MinerBehaviour : RoleBehaviourSection
{
    public MinerBehaviour() => Levels = 2;
    /// <summary>Energy cost per unit of hashrate switched on, per epoch; levels switch on 1/L, 2/L, …, 1 of the miner's hashrate.</summary>
    [Range(0, 1e12)] public double EnergyCost { get; init; } = 100;
}

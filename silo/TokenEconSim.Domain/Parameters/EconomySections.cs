using TokenEconSim.Domain.Distributions;

namespace TokenEconSim.Domain.Parameters;

// The token economy: governance of α/β/γ, the token market (a
// constant-product pool) and the model marketplace. Each is off unless its section says
// `enabled: true`, and an economy with all three off runs exactly as before (nothing drawn,
// nothing sent). docs/model.md §11–§13 hold the rules and their sources.

/// <summary>The DAO that changes α, β, γ: proposals, stake-weighted votes, quorum, threshold, timelock.</summary>
public sealed class GovernanceSection
{
    public bool Enabled { get; init; }
    /// <summary>Share of all validators' stake that must vote yes or no for a vote to count.</summary>
    [Range(0, 1, MinExclusive = true)] public double Quorum { get; init; } = 0.4;
    /// <summary>A proposal passes when yes stake ≥ threshold · (yes + no stake).</summary>
    [Range(0, 1, MinExclusive = true)] public double Threshold { get; init; } = 0.5;
    /// <summary>Epochs between the vote and the epoch whose rewards use the new weights.</summary>
    [Range(0, 1_000_000)] public int Timelock { get; init; } = 2;
    /// <summary>Probability that an active validator abstains on a proposal.</summary>
    [Range(0, 1)] public double AbstainProbability { get; init; } = 0.1;
    /// <summary>Scheduled proposals, voted at their epoch.</summary>
    public List<ProposalSection> Proposals { get; init; } = [];
    /// <summary>The adaptive policy: propose shifting weight toward the role whose participation fell most.</summary>
    public bool Adaptive { get; init; }
    /// <summary>Epochs between two adaptive proposals.</summary>
    [Range(1, 1_000_000)] public int AdaptiveInterval { get; init; } = 10;
    /// <summary>Weight moved toward the lagging role per adaptive proposal.</summary>
    [Range(0, 1, MinExclusive = true)] public double AdaptiveStep { get; init; } = 0.05;
    /// <summary>Probability that a (non-abstaining) validator votes yes on an adaptive proposal.</summary>
    [Range(0, 1)] public double AdaptiveSupport { get; init; } = 0.7;
    /// <summary>How votes are cast: random draws by each proposal's support, or by each voter's payoff (docs/model.md §11).</summary>
    public GovernanceVoting Voting { get; init; } = GovernanceVoting.Random;
}

/// <summary>
/// <c>random</c>: validators vote by stake, yes with the proposal's support. <c>payoff</c>: everyone with stake in the network votes by
/// the proposal's effect on its own pay (docs/model.md §11).
/// </summary>
public enum GovernanceVoting { Random, Payoff }

/// <summary>One scheduled proposal: new weights, voted at <see cref="Epoch"/>.</summary>
public sealed class ProposalSection
{
    [Range(0, 10_000_000)] public int Epoch { get; init; }
    [Range(0, 1)] public double Alpha { get; init; } = 0.4;
    [Range(0, 1)] public double Beta { get; init; } = 0.3;
    [Range(0, 1)] public double Gamma { get; init; } = 0.3;
    /// <summary>Probability that a (non-abstaining) validator votes yes.</summary>
    [Range(0, 1)] public double Support { get; init; } = 0.8;
}

/// <summary>The token/stable constant-product pool and who trades on it.</summary>
public sealed class MarketSection
{
    public bool Enabled { get; init; }
    /// <summary>Tokens in the pool at the start (minted into the pool's ledger account).</summary>
    [Range(0, 1e12, MinExclusive = true)] public double ReserveToken { get; init; } = 100_000;
    /// <summary>Stable units in the pool at the start; the initial price is reserve_stable / reserve_token.</summary>
    [Range(0, 1e12, MinExclusive = true)] public double ReserveStable { get; init; } = 100_000;
    /// <summary>Swap fee kept by the pool (Uniswap v2: 0.003).</summary>
    [Range(0, 0.999999)] public double Fee { get; init; } = 0.003;
    /// <summary>A miner's electricity cost, stable per unit of hashrate per epoch; drawn once per miner.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution ElectricityCost { get; init; } = new(DistributionKind.Uniform, 50, 250);
    /// <summary>A trainer's GPU cost, stable per GPU-hour.</summary>
    [Range(0, 1e9)] public double GpuCost { get; init; } = 1;
    /// <summary>At most this fraction of an agent's balance is sold in one epoch.</summary>
    [Range(0, 1)] public double MaxSellFraction { get; init; } = 0.5;
    /// <summary>Users buy this fraction of the tokens their last epoch's calls cost.</summary>
    [Range(0, 100)] public double UserBuyFraction { get; init; } = 1;
    /// <summary>A miner stops below (1 − h) and restarts above (1 + h) of break-even.</summary>
    [Range(0, 1)] public double Hysteresis { get; init; } = 0.1;
    /// <summary>
    /// Without the pool (<see cref="Enabled"/> false): σ of the exogenous token price's log shock per epoch, the price being set on
    /// outside markets (docs/model.md §12.4); 0, the default, keeps the price at 1.
    /// </summary>
    [Range(0, 10)] public double PriceSigma { get; init; }
    /// <summary>κ: the share of ln p that decays toward ln 1 each epoch (an AR(1) in logs; 0 is a random walk).</summary>
    [Range(0, 1)] public double PriceReversion { get; init; }
}

/// <summary>The AI model store: trainers publish models, users buy access from their creators.</summary>
public sealed class MarketplaceSection
{
    public bool Enabled { get; init; }
    /// <summary>Probability that an active trainer publishes a model in an epoch.</summary>
    [Range(0, 1)] public double PublishProbability { get; init; } = 0.1;
    /// <summary>A model's price in tokens, drawn at publication.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution Price { get; init; } = new(DistributionKind.Uniform, 1, 5);
    /// <summary>Probability that an active user buys access to one listed model in an epoch.</summary>
    [Range(0, 1)] public double PurchaseProbability { get; init; } = 0.2;
    /// <summary>Listings kept for sale: the newest; older ones are delisted.</summary>
    [Range(1, 100_000)] public int MaxListings { get; init; } = 100;
}

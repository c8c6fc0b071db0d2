namespace TokenEconSim.Domain.Randomness;

/// <summary>
/// Shared random draws, each with its own stream. The numbers are part of the reproducibility
/// contract: never renumber one, only add.
/// </summary>
public enum RngPurpose : ulong
{
    BlockProduction = 1,
    ProposerSelection = 2,
    StakeProposer = 10,
    StakeEquivocation = 11,
    DelegatedMissedSlot = 12,
    DelegatedRedelegation = 13,
    InitialDelegation = 14,
    Pbft = 15,
    HashrateWalk = 16,
    LstmTraining = 17,
    LstmInitialisation = 18,
    LearningGroundTruth = 19,
    LearningValidation = 20,
    GovernanceVote = 21,
    MinerCosts = 22,
    Marketplace = 23,
    TokenPrice = 24,
    YumaValidator = 25,
    YumaEvaluation = 26,
    NetworkMining = 27,
    NetworkTopology = 28,
    NetworkStrategy = 29,
}

/// <summary>
/// Derives every seed of a run from the run seed, so a run is a pure function of (scenario, seed).
/// Agents: (run seed, agent id). Shared draws: (run seed, epoch, purpose). Each component is mixed
/// with SplitMix64 in turn, never with <c>string.GetHashCode</c> (randomised per process).
/// </summary>
public static class Seeds
{
    private const ulong AgentDomain = 0xA6E7_0000_0000_0001UL;
    private const ulong SharedDomain = 0x5EED_0000_0000_0002UL;
    private const ulong SlotDomain = 0x5107_0000_0000_0003UL;

    public static ulong ForAgent(long runSeed, int agentId) =>
        Combine(Combine(AgentDomain, (ulong)runSeed), (ulong)agentId);

    /// <summary>A second stream of agent i for one purpose (the marketplace), so enabling it shifts none of the agent's other draws.</summary>
    public static ulong ForAgent(long runSeed, int agentId, RngPurpose purpose) =>
        Combine(ForAgent(runSeed, agentId), (ulong)purpose);

    /// <summary>An agent's stream for one purpose, one epoch and one slot within it (a validator's evaluation of one role in one epoch),
    /// so that no draw depends on how many were drawn before.</summary>
    public static ulong ForAgentEpoch(long runSeed, int agentId, RngPurpose purpose, int epoch, int slot) =>
        Combine(Combine(ForAgent(runSeed, agentId, purpose), (ulong)epoch), (ulong)slot);

    public static ulong ForShared(long runSeed, int epoch, RngPurpose purpose) =>
        Combine(Combine(Combine(SharedDomain, (ulong)runSeed), (ulong)epoch), (ulong)purpose);

    public static Xoshiro256StarStar SharedRng(long runSeed, int epoch, RngPurpose purpose) =>
        new(ForShared(runSeed, epoch, purpose));

    /// <summary>
    /// Per-slot draws (PoS proposer, DPoS misses): (run seed, slot, purpose), so a slot's outcome does
    /// not depend on how many slots an epoch holds or on the draws of earlier slots.
    /// </summary>
    public static ulong ForSlot(long runSeed, long slot, RngPurpose purpose) =>
        Combine(Combine(Combine(SlotDomain, (ulong)runSeed), (ulong)slot), (ulong)purpose);

    public static Xoshiro256StarStar SlotRng(long runSeed, long slot, RngPurpose purpose) =>
        new(ForSlot(runSeed, slot, purpose));

    private static ulong Combine(ulong acc, ulong value) => SplitMix64.Mix(acc ^ SplitMix64.Mix(value + 0x9E3779B97F4A7C15UL));
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// A scenario with the quantities every part of a run derives from it, computed once: what the
/// engines, the epoch loop and the shards are built from. Not to be confused with the run's
/// "economy" (<see cref="EpochEconomy"/>: governance, token market and marketplace), which is one
/// optional part of a run.
/// </summary>
public sealed class RunModel
{
    public RunModel(Scenario scenario)
    {
        Scenario = scenario;
        Layout = new PopulationLayout(scenario.Populations, scenario.Behaviour);
        BehaviourActions = [.. Roles.All.Select(role => PopulationBehaviour.Responds(scenario.Behaviour, role)
            ? PopulationBehaviour.Actions(scenario.Behaviour, role, scenario.Token.FeePerCall)
            : null)];
        BehaviourOn = BehaviourActions.Any(a => a is not null);
        if (Unwired(scenario) is { } why) throw new NotSupportedException(why);
        InitialBalanceUnits = TokenUnits.FromTokens(scenario.Token.InitialBalance);
        FeePerCallUnits = TokenUnits.FromTokens(scenario.Token.FeePerCall);
        EmissionUnits = TokenUnits.FromTokens(scenario.Token.EmissionPerEpoch);
        BlockRewardUnits = TokenUnits.FromTokens(scenario.Token.BlockReward);
        ProposerRewardUnits = TokenUnits.FromTokens(scenario.Token.ProposerReward);
        InitialWeights = new RewardWeights(scenario.Rewards.Alpha, scenario.Rewards.Beta, scenario.Rewards.Gamma);
        AgentsPerShard = scenario.Run.AgentsPerGrain.Resolve(Layout.Total, Environment.ProcessorCount);
    }

    /// <summary><c>run.agents_per_grain</c> with <c>auto</c> resolved for this machine.</summary>
    public int AgentsPerShard { get; }

    public Scenario Scenario { get; }

    /// <summary>Per role (<see cref="Role"/> order): the actions of a population that responds (docs/model.md §17), null for a fixed one.</summary>
    public ActionSet?[] BehaviourActions { get; }

    /// <summary>True when some population is not <c>fixed</c>: the shards and the loop run the behaviour layer.</summary>
    public bool BehaviourOn { get; }
    public PopulationLayout Layout { get; }
    public long RunSeed => Scenario.Run.Seed;
    public long InitialBalanceUnits { get; }
    public long FeePerCallUnits { get; }
    public long EmissionUnits { get; }
    public long BlockRewardUnits { get; }
    public long ProposerRewardUnits { get; }
    public RewardWeights InitialWeights { get; }

    /// <summary>
    /// Why the scenario asks for behaviour the shard does not run yet, or null: providers, trainers, users and miners respond, miners
    /// only under proof of work and without the market's profitability switch (validation refuses the rest with where and why; this
    /// guards callers that skip it).
    /// </summary>
    public static string? Unwired(Scenario scenario)
    {
        foreach (var role in Roles.All)
        {
            if (!PopulationBehaviour.Responds(scenario.Behaviour, role)) continue;
            if (role is Role.Validator && ValidatorsUnwired(scenario) is { } refused) return $"behaviour.{role.SectionKey()}: {refused}";
            if (role is Role.Miner && MinersUnwired(scenario) is { } why) return $"behaviour.{role.SectionKey()}: {why}";
        }
        return null;
    }

    /// <summary>
    /// Why responding miners cannot run in this scenario, or null: they are paid block rewards, which only proof of work gives them,
    /// and they generalise the market's profitability switch (docs/model.md §12.3), which would otherwise decide for them too.
    /// </summary>
    public static string? MinersUnwired(Scenario scenario) =>
        scenario.Consensus.Kind != ConsensusKind.Pow
            ? $"miners earn nothing under consensus.kind {scenario.Consensus.Kind.ToString().ToLowerInvariant()} (only proof of work pays "
              + "them block rewards); use fixed, or consensus.kind pow"
            : scenario.Market.Enabled
                ? "responding miners replace the market's profitability switch, which market.enabled turns on; use one: fixed miners "
                  + "with the market's switch, or market.enabled false"
                : null;

    /// <summary>
    /// Why responding validators cannot run in this scenario, or null. They are paid the proposer reward, drawn ∝ bonded stake by
    /// vote finality, so their pay depends on what they bond only under proof of work with <c>finality: vote</c>: proof of stake fixes
    /// its validator set and stakes at the first epoch (its block rewards ignore later bonding), delegated proof of stake pays the
    /// producers the holders elect, and PBFT's proposer is the primary in rotation. Latent validators would count in the committee
    /// (2f + 1 of all of them), and governance weighs votes by the drawn stakes, so neither is run with them.
    /// </summary>
    public static string? ValidatorsUnwired(Scenario scenario)
    {
        var c = scenario.Consensus;
        var v = scenario.Behaviour.Validators;
        if (c.Kind != ConsensusKind.Pow)
            return $"validators' pay does not follow the stake they bond under consensus.kind {c.Kind.ToString().ToLowerInvariant()} "
                + "(its validator set and stakes are fixed at the start, or elected by holders); use fixed, or consensus.kind pow";
        if (c.Finality != FinalityKind.Vote)
            return "validators' pay does not follow the stake they bond under consensus.finality pbft (the proposer is the primary in "
                + "rotation); use fixed, or finality vote";
        if (v.MaxCount > scenario.Populations.Validators.Count)
            return $"max_count {v.MaxCount} above populations.validators.count {scenario.Populations.Validators.Count}: latent "
                + "validators would count in the committee's 2f + 1; use at most the count";
        if (scenario.Governance.Enabled)
            return "responding validators beside governance.enabled (the DAO weighs votes by the drawn stakes); use fixed, or "
                + "governance.enabled false";
        return null;
    }

    /// <summary>The role's initial population, <c>populations.&lt;role&gt;.count</c> (a responding role's segment may hold more, latent).</summary>
    public int InitialCount(Role role) => Scenario.Populations.Of(role).Count;

    public double Participation(Role role) => Scenario.Populations.Of(role).Participation;
}

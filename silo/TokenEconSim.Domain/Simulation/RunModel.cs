using TokenEconSim.Domain.Agents;
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
        Layout = new PopulationLayout(scenario.Populations);
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
    public PopulationLayout Layout { get; }
    public long RunSeed => Scenario.Run.Seed;
    public long InitialBalanceUnits { get; }
    public long FeePerCallUnits { get; }
    public long EmissionUnits { get; }
    public long BlockRewardUnits { get; }
    public long ProposerRewardUnits { get; }
    public RewardWeights InitialWeights { get; }

    public double Participation(Role role) => role switch
    {
        Role.DataProvider => Scenario.Populations.DataProviders.Participation,
        Role.Trainer => Scenario.Populations.Trainers.Participation,
        Role.ServiceUser => Scenario.Populations.Users.Participation,
        Role.Validator => Scenario.Populations.Validators.Participation,
        Role.Miner => Scenario.Populations.Miners.Participation,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

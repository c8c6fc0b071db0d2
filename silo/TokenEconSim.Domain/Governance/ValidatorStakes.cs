using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Governance;

/// <summary>
/// Every validator's stake, as its shard draws it: the first draw of the validator's own stream
/// (AgentShard.InitialiseAgents). The DAO needs the total stake of all validators for its quorum,
/// including those absent from a vote, and the shards report only the active ones.
/// </summary>
public static class ValidatorStakes
{
    public static double Total(RunModel model)
    {
        var distribution = model.Scenario.Populations.Validators.Stake;
        var rng = new Xoshiro256StarStar(0);
        var total = 0.0;
        var first = model.Layout.Start(Role.Validator);
        for (var id = first; id < first + model.Layout.CountOf(Role.Validator); id++)
        {
            rng.Reseed(Seeds.ForAgent(model.RunSeed, id));
            total += Math.Max(0, distribution.Sample(rng));
        }
        return total;
    }
}

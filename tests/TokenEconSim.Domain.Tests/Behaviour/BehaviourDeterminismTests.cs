using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// A responding population is a pure function of (section, seed): the same seed gives the same
/// trajectory and the same per-agent state whatever the shard size and across a checkpoint restart;
/// another seed gives another trajectory.
/// </summary>
public class BehaviourDeterminismTests
{
    private static RoleBehaviourSection Section(BehaviourModel model) => model switch
    {
        BehaviourModel.Bandit => new ProviderBehaviour
        {
            Model = model, Bandit = BanditRule.EpsilonGreedy, Epsilon = 0.2,
            Cheating = true, Stake = 10, Slash = 2, ExitAfter = 4, MaxCount = 150, LookBack = 2,
        },
        _ => new ProviderBehaviour
        {
            Model = model, Lambda = 0.5, Cheating = true, Stake = 10, Slash = 2, ExitAfter = 4, MaxCount = 150, LookBack = 2,
        },
    };

    private static PopulationSimulation Run(BehaviourModel model, long seed, int shardSize, int steps = 80)
    {
        var sim = new PopulationSimulation(Section(model), initialCount: 100, maxCount: 150, seed, shardSize, pool: 3_000, detection: 0.3);
        sim.Run(steps);
        return sim;
    }

    private static string Trajectory(PopulationSimulation sim) => string.Join(";", sim.Decisions.Select(t =>
        $"{t.Active},{t.Entries},{t.Exits},{t.Cheats},{t.Caught},{t.Effort.Raw}")) + "|" + string.Join(";", sim.Outcomes.Select(t =>
        $"{t.Settled},{t.Profitable},{t.Cost.Raw},{t.Profit.Raw},{t.Reward},{t.Slashed}"));

    [Theory]
    [InlineData(BehaviourModel.BestResponse)]
    [InlineData(BehaviourModel.Logit)]
    [InlineData(BehaviourModel.Bandit)]
    public void SameSeedSameTrajectoryWhateverTheShardSizeAndADifferentSeedDiffers(BehaviourModel model)
    {
        var one = Run(model, 42, shardSize: 150);
        var reference = Trajectory(one);
        foreach (var size in new[] { 1, 7, 64 })
        {
            var other = Run(model, 42, size);
            Assert.Equal(reference, Trajectory(other));
            Assert.Equal(one.AgentsDigest(), other.AgentsDigest());
        }
        Assert.NotEqual(reference, Trajectory(Run(model, 43, 150)));
        Assert.Contains(one.Decisions, t => t.Cheats > 0);
        Assert.Contains(one.Decisions, t => t.Active > 0 && t.Active < 150);
    }

    [Theory]
    [InlineData(BehaviourModel.BestResponse)]
    [InlineData(BehaviourModel.Logit)]
    [InlineData(BehaviourModel.Bandit)]
    public void ACheckpointRestartContinuesWithTheUninterruptedBytes(BehaviourModel model)
    {
        var uninterrupted = Run(model, 5, 32, steps: 80);
        var restarted = Run(model, 5, 32, steps: 40);
        restarted.RestoreShardsFromCheckpoint(initialCount: 100);
        restarted.Run(40);
        Assert.Equal(Trajectory(uninterrupted), Trajectory(restarted));
        Assert.Equal(uninterrupted.AgentsDigest(), restarted.AgentsDigest());
    }

    [Fact]
    public void ACheckpointOfAnotherPopulationIsRefused()
    {
        var a = Run(BehaviourModel.Logit, 5, 32, steps: 3);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) a.Shards[0].WriteState(w);
        buffer.Position = 0;
        var section = Section(BehaviourModel.Logit);
        var other = new TokenEconSim.Domain.Behaviour.RoleBehaviour(section, TokenEconSim.Domain.Behaviour.ActionSet.For(section), 0, 31, 100);
        using var r = new BinaryReader(buffer);
        Assert.Throws<InvalidDataException>(() => other.ReadState(r));
    }
}

using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// <see cref="RoleBehaviour.TotalOf"/> (docs/model.md §17.8): an agent's totals with the paid epochs not yet settled added are exactly what
/// settling them would leave, to the bit, and reading them changes nothing.
/// </summary>
public class AgentTotalTests
{
    private static readonly ProviderBehaviour Section = new()
    {
        Model = BehaviourModel.Logit, Lambda = 0.5, Cheating = true, Stake = 10, Slash = 2, ExitAfter = 4, MaxCount = 150, LookBack = 2,
    };

    [Fact]
    public void TheTotalsWithTheUnsettledTailAreWhatSettlingItLeaves()
    {
        var sim = new PopulationSimulation(Section, initialCount: 100, maxCount: 150, seed: 11, shardSize: 32, pool: 3_000, detection: 0.3);
        sim.Run(30);
        int[] tail = [sim.Drawn - 2, sim.Drawn - 1]; // paid, not yet settled: the state learns from them only before the next draws

        var predicted = new List<AgentTotal>();
        var settledOnly = new List<AgentTotal>();
        var offset = 0;
        foreach (var shard in sim.Shards)
        {
            var paid = new long[shard.Count * RoleBehaviour.PipelineDepth];
            for (var i = 0; i < shard.Count; i++)
                foreach (var epoch in tail)
                    paid[i * RoleBehaviour.PipelineDepth + epoch % RoleBehaviour.PipelineDepth] = sim.Paid(epoch, offset + i);
            var before = StateOf(shard);
            for (var i = 0; i < shard.Count; i++)
            {
                predicted.Add(shard.TotalOf(i, tail, paid));
                settledOnly.Add(shard.TotalOf(i, [], paid));
            }
            Assert.Equal(before, StateOf(shard)); // reading the totals changed nothing
            offset += shard.Count;
        }

        sim.SettleTail();
        var settled = sim.Shards.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => new AgentTotal(s.IsPresent(i), s.EpochsActive(i),
            s.CheatedEpochs(i), s.RewardTotal(i), s.CostTotal(i), s.SlashedTotal(i), s.Bond(i)))).ToList();
        Assert.Equal(150, predicted.Count);
        for (var k = 0; k < settled.Count; k++)
        {
            Assert.Equal(settled[k], predicted[k]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(settled[k].Cost), BitConverter.DoubleToInt64Bits(predicted[k].Cost));
            Assert.Equal(sim.Shards.SelectMany(s => Enumerable.Range(0, s.Count).Select(s.ProfitTotal)).ElementAt(k), predicted[k].Profit);
        }
        // The tail is real: it adds epochs, rewards, costs and slashes the settled totals did not have yet.
        Assert.Equal(sim.Decisions.TakeLast(2).Sum(t => t.Active), predicted.Sum(t => t.EpochsActive) - settledOnly.Sum(t => t.EpochsActive));
        Assert.True(predicted.Sum(t => t.Reward) > settledOnly.Sum(t => t.Reward));
        Assert.True(predicted.Sum(t => t.Cost) > settledOnly.Sum(t => t.Cost));
        Assert.True(predicted.Sum(t => t.CheatedEpochs) > settledOnly.Sum(t => t.CheatedEpochs), "some agent cheated in the last two epochs");
    }

    private static byte[] StateOf(RoleBehaviour b)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer)) b.WriteState(w);
        return buffer.ToArray();
    }
}

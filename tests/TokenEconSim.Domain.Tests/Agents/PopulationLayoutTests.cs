using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Agents;

public class PopulationLayoutTests
{
    private static PopulationLayout Layout(int d, int t, int u, int v, int m) => new(new PopulationsSection
    {
        DataProviders = new DataProviderPopulation { Count = d },
        Trainers = new TrainerPopulation { Count = t },
        Users = new UserPopulation { Count = u },
        Validators = new ValidatorPopulation { Count = v },
        Miners = new MinerPopulation { Count = m },
    });

    [Fact]
    public void IdsAreContiguousPerRoleInRoleOrder()
    {
        var layout = Layout(3, 2, 4, 1, 5);
        Assert.Equal(15, layout.Total);
        Assert.Equal([0, 3, 5, 9, 10], Roles.All.Select(layout.Start).ToArray());
        Assert.Equal([3, 2, 4, 1, 5], Roles.All.Select(layout.CountOf).ToArray());
        Role[] expected = [Role.DataProvider, Role.DataProvider, Role.DataProvider, Role.Trainer, Role.Trainer,
            Role.ServiceUser, Role.ServiceUser, Role.ServiceUser, Role.ServiceUser, Role.Validator,
            Role.Miner, Role.Miner, Role.Miner, Role.Miner, Role.Miner];
        Assert.Equal(expected, Enumerable.Range(0, 15).Select(layout.RoleOf).ToArray());
    }

    [Fact]
    public void EmptyRolesAreSkipped()
    {
        var layout = Layout(0, 2, 0, 0, 1);
        Assert.Equal([Role.Trainer, Role.Trainer, Role.Miner], Enumerable.Range(0, 3).Select(layout.RoleOf).ToArray());
        Assert.Equal((2, 2), layout.Segment(Role.ServiceUser, 0, 3));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(15)]
    [InlineData(1000)]
    public void RoleOfAnIdOutsideThePopulationThrows(int id) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Layout(3, 2, 4, 1, 5).RoleOf(id));

    [Fact]
    public void SegmentIsTheRolesPartOfTheShard()
    {
        var layout = Layout(3, 2, 4, 1, 5);
        Assert.Equal((4, 5), layout.Segment(Role.Trainer, 4, 3)); // shard 4..6: trainer 4, users 5..6
        Assert.Equal((5, 7), layout.Segment(Role.ServiceUser, 4, 3));
        var (from, to) = layout.Segment(Role.Miner, 4, 3);
        Assert.Equal(from, to); // empty
        Assert.Equal((0, 3), layout.Segment(Role.DataProvider, 0, 15));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(10_000)]
    public void ShardsPartitionTheIdsInOrder(int perShard)
    {
        var layout = Layout(3, 2, 4, 1, 5);
        var shards = layout.Shards(perShard).ToList();
        var next = 0;
        foreach (var (first, count) in shards)
        {
            Assert.Equal(next, first);
            Assert.InRange(count, 1, perShard);
            next += count;
        }
        Assert.Equal(15, next);
        Assert.Equal((15 + perShard - 1) / perShard, shards.Count);
        // Every agent of every role lands in exactly one shard's segment.
        foreach (var role in Roles.All)
            Assert.Equal(layout.CountOf(role), shards.Sum(s => { var (f, t) = layout.Segment(role, s.First, s.Count); return t - f; }));
    }

    [Fact]
    public void ShardSizeMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Layout(1, 0, 0, 0, 0).Shards(0).ToList());

    [Fact]
    public void RoleKeysAndTitles()
    {
        Assert.Equal(["provider", "trainer", "user", "validator", "miner"], Roles.All.Select(r => r.Key()).ToArray());
        Assert.Equal("Data providers", Role.DataProvider.Title());
        Assert.Equal(Roles.Count, Roles.All.Length);
    }
}

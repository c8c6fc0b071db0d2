using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Agents;

public class RoleStatesTests
{
    private static readonly PopulationLayout Layout = new(new PopulationsSection
    {
        DataProviders = new DataProviderPopulation { Count = 3 },
        Trainers = new TrainerPopulation { Count = 2 },
        Users = new UserPopulation { Count = 4 },
        Validators = new ValidatorPopulation { Count = 0 },
        Miners = new MinerPopulation { Count = 5 },
    });

    // Every way of cutting the 14 agents into one shard: the five role states cover the shard's
    // local indices exactly once, in role order, and each role's arrays hold one entry per agent of
    // that role in the shard (entry i − From for shard-local index i).
    [Fact]
    public void TheRoleSegmentsOfAnyShardCoverItOnceInRoleOrder()
    {
        for (var first = 0; first < Layout.Total; first++)
            for (var count = 1; first + count <= Layout.Total; count++)
            {
                RoleSegment[] segments =
                [
                    new ProviderState(Layout, first, count), new TrainerState(Layout, first, count), new UserState(Layout, first, count),
                    new ValidatorState(Layout, first, count), new MinerState(Layout, first, count),
                ];
                Assert.Equal(Roles.All, segments.Select(s => s.Role));
                var covered = segments.SelectMany(s => Enumerable.Range(s.From, s.Count)).ToArray();
                Assert.Equal(Enumerable.Range(0, count), covered);
                foreach (var s in segments)
                    for (var i = s.From; i < s.To; i++) Assert.Equal(s.Role, Layout.RoleOf(first + i));

                var (providers, trainers, users) = ((ProviderState)segments[0], (TrainerState)segments[1], (UserState)segments[2]);
                Assert.Equal(providers.Count, providers.DataValue.Length);
                Assert.All(new[] { trainers.Speed, trainers.GpuHours, trainers.AccuracyDraw }, a => Assert.Equal(trainers.Count, a.Length));
                Assert.Equal((users.Count, users.Count), (users.Usage.Length, users.Calls.Length));
                Assert.Equal(segments[3].Count, ((ValidatorState)segments[3]).Stake.Length);
                Assert.Equal(segments[4].Count, ((MinerState)segments[4]).Hashrate.Length);
            }
    }

    // A role's state goes to a checkpoint and back in exact bits.
    [Fact]
    public void ARoleStateRoundTripsThroughItsCheckpointBytes()
    {
        var users = new UserState(Layout, 2, 10);
        Assert.Equal(4, users.Count);
        (users.Usage[0], users.Usage[3], users.Calls[1], users.Calls[3]) = (Math.PI, -0.0, 7, long.MaxValue);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) users.WriteState(w);
        var copy = new UserState(Layout, 2, 10);
        buffer.Position = 0;
        using (var r = new BinaryReader(buffer)) copy.ReadState(r);
        Assert.Equal(users.Usage.Select(BitConverter.DoubleToInt64Bits), copy.Usage.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(users.Calls, copy.Calls);
    }
}

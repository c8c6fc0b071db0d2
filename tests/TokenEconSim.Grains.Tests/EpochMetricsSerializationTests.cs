using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains.Tests;

/// <summary>
/// Every declared column survives Orleans serialization (what the grains send and rows.bin keeps):
/// a value the codec forgot would be zero on the Orleans engine only.
/// </summary>
public class EpochMetricsSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(EpochBatch).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly ProposalRecord Vote = new(3, 7, ProposalKind.Adaptive, 0.2, 0.5, 0.3, 61.25, 10.5, 2, true, true, 9);
    private static readonly CreatorSales Sale = new(42, 1, 2, 350_000_001);

    /// <summary>Each stored column at a value unlike its default and unlike every other column's.</summary>
    private static long[] DistinctValues() => [.. MetricColumns.Stored.Select(c => c.Kind switch
    {
        SlotKind.Int => 1_000 + c.Slot,
        SlotKind.Long => 10_000_000_000_000_001 + c.Slot, // beyond a double's exact integers
        SlotKind.Double => BitConverter.DoubleToInt64Bits(0.5 + c.Slot),
        SlotKind.Bool => c.DefaultBits == 0 ? 1 : 0,
        _ => c.DefaultBits == 0 ? 1 : 0, // bool?: false or true where the default is null
    })];

    private static EpochMetrics RoundTrip(EpochMetrics row) =>
        Serializer.Deserialize<EpochMetrics>(Serializer.SerializeToArray(row)) ?? throw new InvalidOperationException("deserialized to null");

    [Fact]
    public void EveryDeclaredColumnRoundTripsWithNonDefaultValues()
    {
        var values = DistinctValues();
        BlockRecord[] blocks = [new BlockRecord(5, 1, 612.5, 17, 0x1d00ffff, "ab"),
            new BlockRecord(6, 1, 640.25, 18, 0x1d00ffff, "cd") { Network = new NetworkBlock("ab", false, 1.5, double.NaN) }];
        var row = EpochMetrics.Restore(values, blocks, [3, 5, 7, 11, 13], ([Vote], [Sale]));
        Assert.All(MetricColumns.Stored, c => Assert.NotEqual(c.DefaultBits, row.RawValue(c)));

        var back = RoundTrip(row);

        Assert.All(MetricColumns.Stored, c => Assert.True(row.RawValue(c) == back.RawValue(c), $"{c.Name} changed in serialization"));
        Assert.All(MetricColumns.All, c => Assert.Equal(c.Read(row), c.Read(back))); // derived columns too
        Assert.Equal(row.BlockRecords, back.BlockRecords); // the network's fields too (null on a block without them)
        Assert.Null(back.BlockRecords[0].Network);
        Assert.Equal(new NetworkBlock("ab", false, 1.5, double.NaN), back.BlockRecords[1].Network);
        Assert.Equal(row.PopulationByRole, back.PopulationByRole);
        Assert.Equal([Vote], back.Economy.Proposals);
        Assert.Equal([Sale], back.Economy.Sales);
        Assert.Equal(back[EconomyColumns.TokenPrice], back.Economy.TokenPrice); // the economy part reads the row's values
    }

    [Fact]
    public void ARowBuiltByTheLoopRoundTripsWithItsEconomy()
    {
        var row = new EpochMetrics
        {
            Epoch = 4, Supply = 10_000_000_000_000_001, Gini = 0.25, UpdateAccepted = false,
            RewardsByRole = [1, 2, 3, 4, 5], ActiveByRole = [5, 4, 3, 2, 1],
            Economy = new EconomyMetrics { TokenPrice = 0.75, ReserveStable = 12, MinersOff = 2, Proposals = [Vote] },
        };
        var back = RoundTrip(row);
        Assert.Equal(row.CopyValues(), back.CopyValues());
        Assert.Equal(0.75, back.Economy.TokenPrice);
        Assert.Equal(2, back.Economy.MinersOff);
        Assert.Equal([Vote], back.Economy.Proposals);
    }

    [Fact]
    public void ARowWithoutTheEconomyComesBackWithoutIt()
    {
        var back = RoundTrip(new EpochMetrics { Epoch = 1 });
        Assert.Same(EconomyMetrics.None, back.Economy);
        Assert.Equal(1, back[EconomyColumns.TokenPrice]);
        Assert.Null(back.UpdateAccepted);
        Assert.True(double.IsNaN(back.MeanBlockTime));
    }
}

using System.Text;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Tests;

public class BlocksCsvWriterTests
{
    internal const string RunId = "r1";

    [Fact]
    public void RowsAreEveryBlockOfEveryEpochInOrderWithHexBitsAndRoundTripTimes()
    {
        IReadOnlyList<EpochMetrics> rows =
        [
            SampleRows.Row(0) with
            {
                BlockRecords =
                [
                    new BlockRecord(0, 0, 600.5, 7, 0x1d00ffff, "00000000839a8e68"),
                    new BlockRecord(1, 0, 1200, 3, 0x1b0404cb, "000000004ebadb55"),
                ],
            },
            SampleRows.Row(1), // an epoch without blocks writes no line
            SampleRows.Row(2) with
            {
                BlockRecords = [new BlockRecord(2, 2, 1800.0000000000002, 12, 0, "ff")],
            },
        ];
        Assert.Equal(
            "run_id,height,epoch,time,producer,bits,hash\n" +
            "r1,0,0,600.5,7,1d00ffff,00000000839a8e68\n" +
            "r1,1,0,1200,3,1b0404cb,000000004ebadb55\n" +
            "r1,2,2,1800.0000000000002,12,00000000,ff\n",
            Text(rows));
    }

    [Fact]
    public void ANetworkRunAddsParentMainChainFlagAndReachTimes()
    {
        IReadOnlyList<EpochMetrics> rows =
        [
            SampleRows.Row(0) with
            {
                BlockRecords =
                [
                    new BlockRecord(1, 0, 600.5, 7, 0x1d00ffff, "aa") { Network = new NetworkBlock("00", true, 1.25, 2.5) },
                    new BlockRecord(1, 0, 601, 3, 0x1d00ffff, "bb") { Network = new NetworkBlock("00", false, 1.5, double.NaN) },
                ],
            },
        ];
        using var stream = new MemoryStream();
        using (var writer = new BlocksCsvWriter(stream, RunId, network: true))
            foreach (var row in rows) writer.Write(row);
        Assert.Equal(
            "run_id,height,epoch,time,producer,bits,hash,parent_hash,on_main_chain,reach50,reach90\n" +
            "r1,1,0,600.5,7,1d00ffff,aa,00,1,1.25,2.5\n" +
            "r1,1,0,601,3,1d00ffff,bb,00,0,1.5,\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void BitsAreAlwaysEightLowercaseHexDigits()
    {
        var row = SampleRows.Row(0) with
        {
            BlockRecords = [new BlockRecord(0, 0, 1, 0, 1, "a"), new BlockRecord(1, 0, 2, 0, uint.MaxValue, "b")],
        };
        Assert.Equal(["r1,0,0,1,0,00000001,a", "r1,1,0,2,0,ffffffff,b"], Text([row]).TrimEnd('\n').Split('\n')[1..]);
    }

    [Fact]
    public void WithoutBlocksTheFileIsTheHeaderAlone()
    {
        Assert.Equal(BlocksCsvWriter.Header + "\n", Text(SampleRows.Create(5)));
        Assert.Equal(BlocksCsvWriter.Header + "\n", Text([]));
    }

    [Fact]
    public void SameRowsGiveIdenticalBytesWithLFLineEndingsAndNoBOM()
    {
        var rows = SampleRows.WithBlocks(SampleRows.Create(30));
        var first = Csv(rows);
        Assert.Equal(first, Csv(rows));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.NotEqual(0xEF, first[0]);
        var lines = Encoding.UTF8.GetString(first).TrimEnd('\n').Split('\n');
        Assert.Equal(1 + rows.Sum(r => r.BlockRecords.Count), lines.Length);
        Assert.All(lines, l => Assert.Equal(7, l.Split(',').Length));
    }

    [Fact]
    public void AHashThatWouldBreakTheCsvIsRefused()
    {
        using var writer = new BlocksCsvWriter(new MemoryStream(), RunId);
        Assert.Throws<ArgumentException>(() => writer.Write(new BlockRecord(0, 0, 1, 0, 0, "ab,cd")));
    }

    internal static byte[] Csv(IEnumerable<EpochMetrics> rows)
    {
        var stream = new MemoryStream();
        using (var writer = new BlocksCsvWriter(stream, RunId))
            foreach (var row in rows) writer.Write(row);
        return stream.ToArray();
    }

    private static string Text(IEnumerable<EpochMetrics> rows) => Encoding.UTF8.GetString(Csv(rows));
}

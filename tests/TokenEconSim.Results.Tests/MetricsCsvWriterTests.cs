using System.Text;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

public class MetricsCsvWriterTests
{
    internal const string RunId = "0123456789ab";

    [Fact]
    public void HeaderIsTheRunIdThenTheMetricColumnNamesInOrder()
    {
        var lines = Lines(Csv([]));
        Assert.Equal("run_id," + string.Join(',', MetricColumns.All.Select(c => c.Name)), lines[0]);
        Assert.Single(lines);
    }

    [Fact]
    public void EveryRowStartsWithTheRunId()
    {
        Assert.All(Lines(Csv(SampleRows.Create(4)))[1..], l => Assert.StartsWith(RunId + ",", l));
        Assert.Throws<ArgumentException>(() => new MetricsCsvWriter(new MemoryStream(), MetricLayout.Every, "a,b"));
    }

    [Fact]
    public void TokenColumnsAreExactDecimalTokens()
    {
        var row = SampleRows.Row(0) with { Supply = 123_456_789, Burned = 1 };
        Assert.Equal("1.23456789", Cell(row, "supply"));
        Assert.Equal("0.00000001", Cell(row, "burned"));
    }

    [Fact]
    public void TokenColumnsStayExactBeyondThePrecisionOfADouble()
    {
        // 10^16 + 1 base units: a double would round it to 10^16.
        var row = SampleRows.Row(0) with { Supply = 10_000_000_000_000_001 };
        Assert.Equal("100000000.00000001", Cell(row, "supply"));
    }

    [Fact]
    public void RewardMeansAreFractionalTokens()
    {
        var rewards = new long[Roles.Count];
        rewards[(int)Role.Trainer] = 1;
        var row = SampleRows.Row(0) with { RewardsByRole = rewards, PopulationByRole = [1, 3, 1, 1, 1] };
        Assert.Equal((1 / 3.0 / TokenUnits.PerToken).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            Cell(row, "reward_mean_trainer"));
        Assert.Equal("0.00000001", Cell(row, "reward_total_trainer"));
    }

    [Fact]
    public void EveryWholeUnitTokenColumnIsWrittenExactly()
    {
        // Token columns stored as base units are exact; only the means (derived) are fractional.
        Assert.All(MetricColumns.All.Where(c => c.Unit == MetricUnit.Tokens), c => Assert.Equal(c is StoredColumn, c.IsExactTokens));
        var values = SampleRows.Row(0).CopyValues();
        foreach (var c in MetricColumns.Stored.Where(c => c.IsExactTokens)) values[c.Slot] = 10_000_000_000_000_001; // beyond a double
        var row = EpochMetrics.Restore(values, [], [1, 1, 1, 1, 1], null);
        Assert.All(MetricColumns.Stored.Where(c => c.IsExactTokens), c => Assert.Equal("100000000.00000001", Cell(row, c.Name)));
    }

    [Fact]
    public void EveryDeclaredColumnIsInTheHeader()
    {
        Assert.Equal(MetricColumns.All.Select(c => c.Name), Lines(Csv([]))[0].Split(',')[1..]);
    }

    [Fact]
    public void ALayoutWithoutAGroupLeavesItsColumnsOutAndTheOthersAsTheyWere()
    {
        var rows = SampleRows.Create(5);
        var layout = MetricLayout.Of(g => g != EconomyColumns.Group);
        var full = Lines(Csv(rows));
        var partial = Lines(Csv(rows, layout));
        var kept = full[0].Split(',').Select((name, i) => (name, i)).Where(c => c.name == "run_id" || layout.Columns.Any(l => l.Name == c.name))
            .Select(c => c.i).ToArray();
        Assert.Equal(1 + MetricColumns.All.Count - EconomyColumns.Group.Columns.Count, kept.Length);
        for (var k = 0; k < full.Length; k++)
            Assert.Equal(string.Join(',', kept.Select(i => full[k].Split(',')[i])), partial[k]);
    }

    [Fact]
    public void NaNIsAnEmptyCell()
    {
        var row = SampleRows.Row(0) with { MeanBlockTime = double.NaN, Blocks = 0 };
        Assert.Equal("", Cell(row, "mean_block_time"));
        Assert.Equal("0", Cell(row, "blocks"));
    }

    [Fact]
    public void NumbersAreInvariantIntegersOrRoundTripDoubles()
    {
        var row = SampleRows.Row(7) with { Hashrate = 1.5e300, Gini = 0.1 + 0.2, Accepted = false, Calls = 12345678901 };
        Assert.Equal("7", Cell(row, "epoch"));
        Assert.Equal("1.5E+300", Cell(row, "hashrate"));
        Assert.Equal("0.30000000000000004", Cell(row, "gini"));
        Assert.Equal("0", Cell(row, "accepted"));
        Assert.Equal("12345678901", Cell(row, "calls"));
    }

    [Fact]
    public void SameRowsGiveIdenticalBytesWithLFLineEndingsAndNoBOM()
    {
        var rows = SampleRows.Create(30);
        var first = Csv(rows);
        Assert.Equal(first, Csv(rows));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.NotEqual(0xEF, first[0]);
        Assert.Equal(31, Lines(first).Length);
        Assert.All(Lines(first), l => Assert.Equal(1 + MetricColumns.All.Count, l.Split(',').Length));
    }

    internal static byte[] Csv(IEnumerable<EpochMetrics> rows, MetricLayout? layout = null)
    {
        var stream = new MemoryStream();
        using (var writer = new MetricsCsvWriter(stream, layout ?? MetricLayout.Every, RunId))
            foreach (var row in rows) writer.Write(row);
        return stream.ToArray();
    }

    private static string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv).TrimEnd('\n').Split('\n');

    private static string Cell(EpochMetrics row, string column)
    {
        var lines = Lines(Csv([row]));
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"no column {column}");
        return lines[1].Split(',')[index];
    }
}

using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Results.Tests.Sweeps;

/// <summary>The sweep tables' CSV: what Row writes, ParseRow (the dashboard's reader) reads back cell for cell.</summary>
public sealed class SweepCsvTests
{
    public static TheoryData<string[]> Rows =>
    [
        new string[] { "point", "rewards.alpha", "final_gini_mean" },
        new string[] { "maximize a, b", "say \"hi\"", "", "1.5E-05" },
        new string[] { "\"", ",", "\"\"", "a,\"b\",c" },
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void ARowReadsBackAsWritten(string[] cells)
    {
        var line = SweepCsv.Row(cells);
        Assert.Equal(cells, SweepCsv.ParseRow(line));
    }

    [Fact]
    public void QuotingFollowsRFC4180()
    {
        Assert.Equal("a,\"b,c\",\"d\"\"e\"", SweepCsv.Row(["a", "b,c", "d\"e"]));
        Assert.Equal(["a", "b,c", "d\"e"], SweepCsv.ParseRow("a,\"b,c\",\"d\"\"e\""));
    }
}

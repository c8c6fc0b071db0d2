namespace TokenEconSim.Results.Tests;

/// <summary>What a finished folder says of itself to a reader that did not write it (the dashboard after a restart).</summary>
public sealed class RunFolderNameTests
{
    private static readonly DateTime Started = new(2025, 3, 14, 15, 9, 26, DateTimeKind.Utc);

    [Theory]
    [InlineData("baseline-20250314-150926")]
    [InlineData("baseline-20250314-150926-2")]                 // the second run of that second
    [InlineData("baseline-20250314-150926-1a2b3c4d")]          // a dashboard run: named by its run id
    [InlineData("my-run-2-20250314-150926")]                   // dashes and digits in the name itself
    public void TheStartIsTheTimestampInTheName(string folder)
    {
        var started = RunFolder.StartedUtc(folder);
        Assert.Equal(Started, started);
        Assert.Equal(DateTimeKind.Utc, started!.Value.Kind);
    }

    [Theory]
    [InlineData("p012-s3")]                                    // a sweep's run
    [InlineData("earlier")]
    [InlineData("baseline-20251399-150926")]                   // no 99th day of a month
    [InlineData("baseline-20250314-150926x")]
    public void ANameWithoutATimestampHasNoStart(string folder) => Assert.Null(RunFolder.StartedUtc(folder));

    [Fact]
    public void TheScenarioIsReadBackFromTheHeaderAsWritten()
    {
        var header = ResolvedScenarioHeader.For("scenarios/baseline.yaml", "0.1.0", 7);
        Assert.Equal("Resolved from scenarios/baseline.yaml by TokenEconSim 0.1.0; seed 7. Re-run: silo run <this file>", header);
        Assert.Equal("scenarios/baseline.yaml", ResolvedScenarioHeader.Source("# " + header));
        var odd = "my by TokenEconSim x.yaml"; // the version's marker inside the path: the last one ends the path
        Assert.Equal(odd, ResolvedScenarioHeader.Source("# " + ResolvedScenarioHeader.For(odd, "1", 1)));
        Assert.Null(ResolvedScenarioHeader.Source("run:"));
        Assert.Null(ResolvedScenarioHeader.Source(null));
    }
}

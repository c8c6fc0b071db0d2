using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// The token-economy scenarios (governance.yaml, token-market.yaml) are byte-identical across the
/// direct and Orleans engines and across shard sizes, in every file they write.
/// </summary>
public sealed class EconomyDeterminismTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    private static readonly string[] Files = ["metrics.csv", "blocks.csv", "summary.json", "governance.csv", "marketplace.csv"];

    private Task<RunOutput> Run(string scenario, string engine, int agentsPerGrain) =>
        runs.RunFile(Repo.Scenario($"{scenario}.yaml"), scenario,
        [
            "--engine", engine, "--epochs", "14", "--set", $"run.agents_per_grain={agentsPerGrain}", "--set", "outputs.charts=false",
            .. Populations.Small,
        ]);

    [Theory]
    [InlineData("governance")]
    [InlineData("token-market")]
    public async Task DirectAndOrleansAndEveryShardSizeGiveTheSameBytes(string scenario)
    {
        var direct = await Run(scenario, "direct", 100);
        var orleans = await Run(scenario, "orleans", 100);
        var perAgent = await Run(scenario, "orleans", 1);
        var written = Files.Where(f => File.Exists(Path.Combine(direct.Folder, f))).ToList();
        Assert.Contains(scenario == "governance" ? "governance.csv" : "marketplace.csv", written);
        foreach (var file in written)
        {
            var bytes = File.ReadAllBytes(Path.Combine(direct.Folder, file));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(orleans.Folder, file)));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(perAgent.Folder, file)));
        }
    }

    [Fact]
    public async Task GovernanceCsvRecordsThePassedAndTheFailedProposal()
    {
        var run = await Run("governance", "direct", 100);
        var rows = File.ReadAllLines(Path.Combine(run.Folder, "governance.csv"));
        Assert.Equal("proposal_id,epoch,kind,alpha,beta,gamma,yes_stake,no_stake,abstain_stake,quorum_met,passed,effective_epoch", rows[0]);
        var cells = rows.Skip(1).Select(r => r.Split(',')).ToList();
        var passed = cells.Single(c => c[1] == "5" && c[2] == "scheduled");
        Assert.Equal(("1", "8"), (passed[10], passed[11]));            // passed at 5, in force from 5 + 3
        var failed = cells.Single(c => c[1] == "12" && c[2] == "scheduled");
        Assert.Equal(("0", "-1"), (failed[10], failed[11]));

        var metrics = File.ReadAllLines(run.MetricsPath).Select(l => l.Split(',')).ToList();
        var header = metrics[0];
        string Cell(int epoch, string column) => metrics[epoch + 1][Array.IndexOf(header, column)];
        Assert.Equal(("0.4", "0.3", "0.3"), (Cell(7, "alpha"), Cell(7, "beta"), Cell(7, "gamma")));
        Assert.Equal(("0.3", "0.45", "0.25"), (Cell(8, "alpha"), Cell(8, "beta"), Cell(8, "gamma")));
        // The adaptive proposal at epoch 10 (if any passed) takes effect at 13; the failed one at 12 changes nothing.
        Assert.Equal((Cell(11, "alpha"), Cell(11, "beta")), (Cell(12, "alpha"), Cell(12, "beta")));
    }

    [Fact]
    public async Task TheResolvedGovernanceScenarioWithItsProposalsRerunsToTheSameBytes()
    {
        var original = await Run("governance", "direct", 100);
        var rerun = await runs.RunFile(original.ScenarioPath, "governance", "--engine", "direct");
        Assert.Equal(original.MetricsBytes, rerun.MetricsBytes);
        Assert.Equal(File.ReadAllBytes(Path.Combine(original.Folder, "governance.csv")),
            File.ReadAllBytes(Path.Combine(rerun.Folder, "governance.csv")));
    }
}

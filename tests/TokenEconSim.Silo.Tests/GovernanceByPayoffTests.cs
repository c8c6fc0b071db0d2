using System.Globalization;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Payoff voting through the real loop (scenarios/governance-payoff.yaml, docs/model.md §11): the bonded providers and trainers vote
/// their bonds by their own pay, the validators abstain, and the larger bond wins; the votes are the same bytes on both engines and
/// at any shard size.
/// </summary>
public sealed class GovernanceByPayoffTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    private const double ProviderStake = 20, TrainerStake = 50; // the bonds of incentives.yaml

    private Task<RunOutput> Run(string engine, int agentsPerGrain) =>
        runs.RunFile(Repo.Scenario("governance-payoff.yaml"), "governance-payoff",
            "--engine", engine, "--epochs", "24", "--set", $"run.agents_per_grain={agentsPerGrain}", "--set", "outputs.charts=false");

    [Fact]
    public async Task BondedRolesVoteTheirOwnPayAndTheLargerBondWins()
    {
        var run = await Run("direct", 64);
        var votes = File.ReadAllLines(Path.Combine(run.Folder, "governance.csv")).Skip(1).Select(r => r.Split(',')).ToList();
        double Stake(string[] vote, int column) => double.Parse(vote[column], CultureInfo.InvariantCulture);

        // Epoch 10, weight from data to training: trainers vote their bonds yes, providers theirs no; the providers' is larger.
        var toTraining = votes.Single(v => v[1] == "10" && v[2] == "scheduled");
        var (yes, no) = (Stake(toTraining, 6), Stake(toTraining, 7));
        Assert.True(yes > 0 && yes % TrainerStake == 0, $"the trainers' bonds say yes: {yes}");
        Assert.True(no > yes && no % ProviderStake == 0, $"the providers' larger bonds say no: {no}");
        Assert.Equal(("1", "0", "-1"), (toTraining[9], toTraining[10], toTraining[11]));

        // Epoch 20, weight from usage to data: providers yes, trainers (β unchanged) abstain beside the validators. It passes.
        var toData = votes.Single(v => v[1] == "20" && v[2] == "scheduled");
        Assert.True(Stake(toData, 6) > 0 && Stake(toData, 6) % ProviderStake == 0);
        Assert.Equal(0, Stake(toData, 7));
        Assert.Equal(("1", "1", "22"), (toData[9], toData[10], toData[11]));
        // The validators abstain in both votes with the same stake; the rest of the second abstention is trainers' bonds.
        var validators = Stake(toTraining, 8);
        Assert.True(validators > 0);
        Assert.Equal(0, (Stake(toData, 8) - validators) % TrainerStake, 6);

        var (alpha, gamma) = (run.Column("alpha"), run.Column("gamma"));
        Assert.Equal((0.4, 0.3), (alpha[21], gamma[21]));
        Assert.Equal((0.5, 0.2), (alpha[22], gamma[22]));
    }

    [Fact]
    public async Task TheVotesAreTheSameBytesOnBothEnginesAndAnyShardSize()
    {
        var reference = await Run("direct", 64);
        foreach (var (engine, shard) in new[] { ("direct", 7), ("orleans", 7) })
        {
            var other = await Run(engine, shard);
            foreach (var file in (string[])["metrics.csv", "governance.csv", "summary.json"])
            {
                var expected = File.ReadAllBytes(Path.Combine(reference.Folder, file));
                var actual = File.ReadAllBytes(Path.Combine(other.Folder, file));
                Assert.True(expected.SequenceEqual(actual), $"{file} differs on {engine} with {shard} agents per shard");
            }
        }
    }
}

using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

/// <summary>Hand-built, plausible epoch rows: the tests need no simulation to run.</summary>
internal static class SampleRows
{
    public static IReadOnlyList<EpochMetrics> Create(int epochs)
    {
        var rows = new List<EpochMetrics>();
        long supply = 1_000_000 * TokenUnits.PerToken;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var minted = (10_000 + 70) * TokenUnits.PerToken / (1 + epoch / 50);
            var burned = (long)(1_500 * TokenUnits.PerToken * (1 + 0.3 * Math.Sin(epoch / 7.0)));
            var start = supply;
            supply += minted - burned;
            var blocks = epoch % 11 == 5 ? 0 : 140 + epoch % 5;
            rows.Add(Row(epoch) with
            {
                Supply = supply,
                Minted = minted,
                Burned = burned,
                Inflation = minted / (double)start,
                Gini = 0.2 + 0.25 * (1 - Math.Exp(-epoch / 30.0)),
                Blocks = blocks,
                MeanBlockTime = blocks == 0 ? double.NaN : 600 + 40 * Math.Sin(epoch / 3.0),
                Accepted = epoch % 9 != 4,
                RewardsByRole =
                [
                    minted * 40 / 100, minted * 30 / 100, minted * 20 / 100,
                    20 * TokenUnits.PerToken, blocks * 50 * TokenUnits.PerToken / 100,
                ],
            });
        }
        return rows;
    }

    /// <summary>A row with every field set to a simple value; tests override what they check.</summary>
    public static EpochMetrics Row(int epoch) => new()
    {
        Epoch = epoch,
        Supply = 100 * TokenUnits.PerToken,
        Minted = 10 * TokenUnits.PerToken,
        Burned = 1,
        Treasury = 0,
        Inflation = 0.1,
        Gini = 0.25,
        Pool = 5 * TokenUnits.PerToken,
        FeesPaid = 3,
        FeesBurned = 3,
        Calls = 300,
        Accepted = true,
        ValidVotes = 7,
        Quorum = 5,
        Blocks = 144,
        MeanBlockTime = 600.5,
        BlockTimeDeviation = 0.000833,
        Hashrate = 1.5e12,
        Difficulty = 2.5e5,
        MeanQuality = 0.8,
        Alpha = 0.4,
        Beta = 0.3,
        Gamma = 0.3,
        ValueData = 1234.5,
        ValueTraining = 99.25,
        ValueUsage = 10,
        RewardsByRole = new long[Roles.Count],
        ActiveByRole = [10, 5, 20, 7, 3],
        PopulationByRole = [10, 5, 20, 7, 3],
    };
}

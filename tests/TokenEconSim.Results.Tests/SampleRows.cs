using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

/// <summary>Hand-built, plausible epoch rows: the tests need no simulation to run.</summary>
internal static class SampleRows
{
    public static IReadOnlyList<EpochMetrics> Create(int epochs)
    {
        var rows = new List<EpochMetrics>();
        var supply = 1_000_000 * TokenUnits.PerToken;
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

    /// <summary>
    /// The rows with a chain: <paramref name="perEpoch"/> blocks each (none in the blockless epochs of
    /// <see cref="Create"/>), 600 s apart with a deterministic wobble, produced mostly by a few miners.
    /// <paramref name="bits"/> 0 makes them PoS blocks.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> WithBlocks(IReadOnlyList<EpochMetrics> rows, int perEpoch = 12, uint bits = 0x1d00ffff)
    {
        var result = new List<EpochMetrics>();
        long height = 0;
        double time = 0;
        foreach (var row in rows)
        {
            var blocks = new List<BlockRecord>();
            for (var i = 0; row.Blocks > 0 && i < perEpoch; i++, height++)
            {
                time += 600 * (0.2 + 1.6 * ((height * 7919) % 101) / 100.0);
                var producer = height % 3 == 0 ? (int)(height % 40) : (int)(height % 4);
                blocks.Add(new BlockRecord(height, row.Epoch, time, producer, bits, $"{height:x64}"));
            }
            result.Add(row with
            {
                BlockRecords = blocks,
                Hashrate = 7.2e15 * (1 + row.Epoch / 100.0),
                HashrateEstimated = blocks.Count == 0 ? double.NaN : 7.2e15 * (1 + row.Epoch / 100.0) * (0.9 + 0.2 * ((row.Epoch * 31) % 11) / 10.0),
                Difficulty = bits == 0 ? 0 : 1.0e6 * (1 + row.Epoch / 100.0),
                NakamotoHashrate = bits == 0 ? 0 : 3,
                NakamotoStake = bits == 0 ? 4 + row.Epoch % 2 : 0,
            });
        }
        return result;
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

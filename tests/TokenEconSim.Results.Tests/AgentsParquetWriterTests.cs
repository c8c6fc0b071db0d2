using DuckDB.NET.Data;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

/// <summary>The per-agent Parquet file, read back by an independent reader (DuckDB), over more rows than one row group holds.</summary>
public class AgentsParquetWriterTests
{
    private const int Agents = AgentsParquetWriter.RowGroupRows + 4_464; // two row groups per epoch, the second partial
    private const int Epochs = 3;

    [Fact]
    public async Task DuckDbReadsEveryRowAndItsTotalsPerRolePerEpoch()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "agents.parquet");
        await File.WriteAllBytesAsync(path, await WriteAsync("baseline-s42"), TestContext.Current.CancellationToken);

        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT epoch, role, count(*), sum(reward), sum(epochs_active)::BIGINT, min(run_id), max(run_id) "
            + $"FROM read_parquet('{path}') GROUP BY epoch, role ORDER BY epoch, role";
        using var reader = query.ExecuteReader();
        var groups = 0;
        while (reader.Read())
        {
            var (epoch, role) = (reader.GetInt32(0), reader.GetString(1));
            var expected = Sample(epoch);
            var mine = Enumerable.Range(0, Agents).Where(k => expected.Roles[k].Key() == role).ToList();
            Assert.Equal(mine.Count, reader.GetInt64(2));
            var reward = mine.Sum(k => TokenUnits.ToTokens(expected.Totals[k].Reward));
            Assert.Equal(reward, reader.GetDouble(3), reward * 1e-12);
            Assert.Equal(mine.Sum(k => (long)expected.Totals[k].EpochsActive), reader.GetInt64(4));
            Assert.Equal("baseline-s42", reader.GetString(5));
            Assert.Equal("baseline-s42", reader.GetString(6));
            groups++;
        }
        Assert.Equal(Epochs * 3, groups);
    }

    [Fact]
    public async Task SameRowsGiveSameBytes()
    {
        Assert.Equal(await WriteAsync("r"), await WriteAsync("r"));
        Assert.NotEqual(await WriteAsync("r"), await WriteAsync("s"));
    }

    private static async Task<byte[]> WriteAsync(string runId)
    {
        using var stream = new MemoryStream();
        await using (var writer = await AgentsParquetWriter.CreateAsync(stream, runId))
            for (var epoch = 0; epoch < Epochs; epoch++)
                await writer.AppendAsync(epoch, Sample(epoch));
        return stream.ToArray();
    }

    /// <summary>Providers, trainers and users in thirds; amounts vary with the agent and the epoch.</summary>
    private static AgentTotals Sample(int epoch)
    {
        var roles = new[] { Role.DataProvider, Role.Trainer, Role.ServiceUser };
        var ids = Enumerable.Range(0, Agents).ToArray();
        return new AgentTotals(ids, [.. ids.Select(k => roles[k * 3 / Agents])],
            [.. ids.Select(k => new AgentTotal(
                Present: k % 7 != 0, EpochsActive: epoch + k % 3, CheatedEpochs: k % 2, Reward: 1_000_000L * (k % 97 + epoch),
                Cost: 0.25 * (k % 5), Slashed: k % 11, Bond: 5_000_000L))]);
    }
}

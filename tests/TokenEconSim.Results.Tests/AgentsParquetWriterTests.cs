using System.Globalization;
using DuckDB.NET.Data;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

/// <summary>
/// agents.parquet read back by an independent reader (DuckDB), over more rows than one row group holds: every row, its totals per role
/// per epoch, nulls where a role has no value or does not respond; the same bytes however the rows are split into shards; and the CSV
/// export (`silo agents --csv`) carries the same cells.
/// </summary>
public class AgentsParquetWriterTests
{
    private const int Agents = AgentsParquetWriter.RowGroupRows + 4_464; // two row groups per epoch, the second partial
    private const int Epochs = 3;
    private const int Responding = Agents / 2; // the first half responds: providers, trainers, some users

    [Fact]
    public async Task DuckDbReadsEveryRowItsTotalsPerRolePerEpochAndItsNulls()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "agents.parquet");
        await File.WriteAllBytesAsync(path, await WriteAsync("baseline-s42", Agents), TestContext.Current.CancellationToken);

        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT epoch, role, count(*), sum(reward), sum(epochs_active)::BIGINT, min(run_id), max(run_id), count(v_data), "
            + "count(present), sum(balance) "
            + $"FROM read_parquet('{path}') GROUP BY epoch, role ORDER BY epoch, role";
        using var reader = query.ExecuteReader();
        var groups = 0;
        while (reader.Read())
        {
            var (epoch, role) = (reader.GetInt32(0), reader.GetString(1));
            var rows = Sample(epoch, 0, Agents);
            var mine = Enumerable.Range(0, Agents).Where(k => rows.Roles[k].Key() == role).ToList();
            Assert.Equal(mine.Count, reader.GetInt64(2));
            var reward = mine.Sum(k => TokenUnits.ToTokens(rows.Reward[k]));
            Assert.Equal(reward, reader.GetDouble(3), reward * 1e-12);
            var responds = mine.Where(k => rows.Behaviour!.Responds[k]).ToList();
            Assert.Equal(responds.Sum(k => (long)rows.Behaviour!.EpochsActive[k]), reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
            Assert.Equal("baseline-s42", reader.GetString(5));
            Assert.Equal("baseline-s42", reader.GetString(6));
            Assert.Equal(role == "provider" ? mine.Count : 0, reader.GetInt64(7)); // V_D is a provider's alone
            Assert.Equal(responds.Count, reader.GetInt64(8)); // the incentives layer's columns: null for fixed populations
            var balance = mine.Sum(k => TokenUnits.ToTokens(rows.Balance[k]));
            Assert.Equal(balance, reader.GetDouble(9), balance * 1e-12);
            groups++;
        }
        Assert.Equal(Epochs * Roles.Count, groups);
    }

    [Fact]
    public async Task SameRowsGiveSameBytesWhateverTheShards()
    {
        var whole = await WriteAsync("r", Agents);
        Assert.Equal(whole, await WriteAsync("r", 7_001));
        Assert.Equal(whole, await WriteAsync("r", 1));
        Assert.NotEqual(whole, await WriteAsync("s", Agents));
    }

    [Fact]
    public async Task TheCsvExportHasEveryRowAndCell()
    {
        using var parquet = new MemoryStream(await WriteAsync("r", 10_000));
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Assert.Equal(Agents * (long)Epochs, await AgentsCsvExport.WriteAsync(parquet, text, TestContext.Current.CancellationToken));
        var lines = text.ToString().Split('\n');
        Assert.Equal(string.Join(',', AgentsParquetWriter.Schema.GetDataFields().Select(f => f.Name)), lines[0]);
        Assert.Equal(Agents * Epochs + 2, lines.Length); // header, rows, and the empty string after the last "\n"
        var columns = lines[0].Split(',');
        var sample = Sample(2, 0, Agents);
        var k = Agents - 1; // the last row: epoch 2, a miner (fixed: its incentives cells empty)
        var cells = lines[^2].Split(',');
        Assert.Equal(["r", "2", k.ToString(CultureInfo.InvariantCulture), "miner"], cells[..4]);
        Assert.Equal(TokenUnits.ToTokens(sample.Reward[k]), double.Parse(cells[Array.IndexOf(columns, "reward")], CultureInfo.InvariantCulture));
        Assert.Equal("", cells[Array.IndexOf(columns, "present")]);
        Assert.Equal("", cells[Array.IndexOf(columns, "v_data")]);
        var provider = lines[1 + 2 * Agents].Split(','); // epoch 2, agent 0: a responding provider
        Assert.Equal(sample.Behaviour!.Present[0] ? "true" : "false", provider[Array.IndexOf(columns, "present")]);
        Assert.Equal(sample.Value[0], double.Parse(provider[Array.IndexOf(columns, "v_data")], CultureInfo.InvariantCulture));
    }

    /// <summary>The file of <see cref="Epochs"/> epochs, each appended in shards of <paramref name="shard"/> agents.</summary>
    private static async Task<byte[]> WriteAsync(string runId, int shard)
    {
        using var stream = new MemoryStream();
        await using (var writer = await AgentsParquetWriter.CreateAsync(stream, runId))
            for (var epoch = 0; epoch < Epochs; epoch++)
                for (var first = 0; first < Agents; first += shard)
                    await writer.AppendAsync(epoch, Sample(epoch, first, Math.Min(shard, Agents - first)));
        return stream.ToArray();
    }

    /// <summary>Agents [first, first + count) in fifths by role; amounts vary with the agent and the epoch.</summary>
    private static AgentRows Sample(int epoch, int first, int count)
    {
        var rows = new AgentRows(first, [.. Enumerable.Range(first, count).Select(id => Roles.All[(long)id * Roles.Count / Agents])], true);
        for (var k = 0; k < count; k++)
        {
            var id = first + k;
            (rows.Active[k], rows.Balance[k], rows.Reward[k]) = (id % 3 != 0, 7_000_000L * (id % 13 + epoch), 1_000_000L * (id % 97 + epoch));
            (rows.Fees[k], rows.Value[k], rows.Calls[k]) = (id % 5, 0.5 * (id % 17), id % 4);
            var b = rows.Behaviour!;
            b.Responds[k] = id < Responding;
            (b.Present[k], b.EpochsActive[k], b.CheatedEpochs[k], b.Cost[k]) = (id % 7 != 0, epoch + id % 3, id % 2, 0.25 * (id % 5));
            (b.BondSlashed[k], b.Bond[k], b.RewardTotal[k]) = (id % 11, 5_000_000L, 3_000_000L * (epoch + 1));
        }
        return rows;
    }
}

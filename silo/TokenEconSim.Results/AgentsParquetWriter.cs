using Parquet;
using Parquet.Schema;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// The per-agent table as Parquet: one row per agent per recorded epoch, appended epoch by epoch. Rows wait in fixed column buffers of
/// <see cref="RowGroupRows"/> and leave as one row group when full, so memory stays bounded whatever the population: the writer never
/// holds more than one row group, and the file's footer only a few hundred bytes per row group. Token amounts are doubles of tokens
/// (what pandas and DuckDB sum), as metrics.csv's columns read as float64. Not yet what a run writes: agents.csv still is.
/// </summary>
public sealed class AgentsParquetWriter : IAsyncDisposable
{
    /// <summary>Rows per row group: 64 Ki rows is ~3.5 MB of buffers, and a million agents are 16 row groups per epoch.</summary>
    public const int RowGroupRows = 65_536;

    private static readonly DataField<string> RunId = new("run_id", false);
    private static readonly DataField<int> Epoch = new("epoch"), Id = new("id"), EpochsActive = new("epochs_active"),
        CheatedEpochs = new("cheated_epochs");
    private static readonly DataField<string> Role = new("role", false);
    private static readonly DataField<bool> Present = new("present");
    private static readonly DataField<double> Reward = new("reward"), Cost = new("cost"), Slashed = new("slashed"), Profit = new("profit"),
        Bond = new("bond");

    /// <summary>The columns in file order.</summary>
    public static ParquetSchema Schema { get; } =
        new(RunId, Epoch, Id, Role, Present, EpochsActive, CheatedEpochs, Reward, Cost, Slashed, Profit, Bond);

    private readonly ParquetWriter _writer;
    private readonly string _runId;
    private readonly string[] _runIds = new string[RowGroupRows], _roles = new string[RowGroupRows];
    private readonly int[] _epochs = new int[RowGroupRows], _ids = new int[RowGroupRows], _active = new int[RowGroupRows],
        _cheated = new int[RowGroupRows];
    private readonly bool[] _present = new bool[RowGroupRows];
    private readonly double[] _reward = new double[RowGroupRows], _cost = new double[RowGroupRows], _slashed = new double[RowGroupRows],
        _profit = new double[RowGroupRows], _bond = new double[RowGroupRows];
    private int _rows;

    private AgentsParquetWriter(ParquetWriter writer, string runId) => (_writer, _runId) = (writer, runId);

    /// <param name="destination">Written from its current position; left open.</param>
    /// <param name="runId">Every row's run_id, so the tables of many runs concatenate; must be a pure function of the scenario and seed.</param>
    public static async Task<AgentsParquetWriter> CreateAsync(Stream destination, string runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        return new AgentsParquetWriter(await ParquetWriter.CreateAsync(Schema, destination, options, append: false, ct), runId);
    }

    /// <summary>Every agent of <paramref name="agents"/> as of <paramref name="epoch"/>, in the given (agent-id) order.</summary>
    public async Task AppendAsync(int epoch, AgentTotals agents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agents);
        for (var k = 0; k < agents.Count; k++)
        {
            Put(epoch, agents.Ids[k], agents.Roles[k], agents.Totals[k]);
            if (_rows == RowGroupRows) await FlushAsync(ct);
        }
    }

    private void Put(int epoch, int id, Role role, Domain.Behaviour.AgentTotal t)
    {
        var r = _rows++;
        (_runIds[r], _epochs[r], _ids[r], _roles[r], _present[r]) = (_runId, epoch, id, role.Key(), t.Present);
        (_active[r], _cheated[r]) = (t.EpochsActive, t.CheatedEpochs);
        (_reward[r], _cost[r], _slashed[r]) = (TokenUnits.ToTokens(t.Reward), t.Cost, TokenUnits.ToTokens(t.Slashed));
        (_profit[r], _bond[r]) = (t.Profit, TokenUnits.ToTokens(t.Bond));
    }

    /// <summary>The buffered rows as one row group; nothing when empty (a file of no agents has its schema and no row group).</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (_rows == 0) return;
        var n = _rows;
        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(RunId, new ArraySegment<string>(_runIds, 0, n), null);
            await group.WriteAsync<int>(Epoch, _epochs.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<int>(Id, _ids.AsMemory(0, n), null, null, ct);
            await group.WriteAsync(Role, new ArraySegment<string>(_roles, 0, n), null);
            await group.WriteAsync<bool>(Present, _present.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<int>(EpochsActive, _active.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<int>(CheatedEpochs, _cheated.AsMemory(0, n), null, null, ct);
            foreach (var (field, values) in new[] { (Reward, _reward), (Cost, _cost), (Slashed, _slashed), (Profit, _profit), (Bond, _bond) })
                await group.WriteAsync<double>(field, values.AsMemory(0, n), null, null, ct);
        }
        _rows = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _writer.DisposeAsync();
    }
}

using Parquet;
using Parquet.Schema;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// agents.parquet (docs/model.md §17.8): one row per agent per recorded epoch (outputs.agents), appended shard by shard as epochs
/// complete. Rows wait in fixed column buffers of <see cref="RowGroupRows"/> and leave as one row group when full, so memory stays
/// bounded whatever the population: the writer holds one row group, the file's footer a few hundred bytes per row group. Row groups
/// follow the row sequence alone, not the shards the rows came from, so the bytes are the same on every engine and shard size
/// (Parquet.Net writes no timestamp or random id). Token amounts are doubles of tokens, as metrics.csv's columns read as float64.
/// Columns a role has no value for, and the incentives layer's columns for agents of fixed populations, are null.
/// </summary>
public sealed class AgentsParquetWriter : IAsyncDisposable
{
    /// <summary>Rows per row group: 64 Ki rows is ~10 MB of buffers, and a million agents are 16 row groups per epoch.</summary>
    public const int RowGroupRows = 65_536;

    private static readonly DataField<string> RunId = new(RunFiles.RunIdColumn, false), Role = new("role", false);
    private static readonly DataField<int> Epoch = new("epoch"), Id = new("id");
    private static readonly DataField<bool> Active = new("active");
    private static readonly DataField<double> Balance = new("balance"), Reward = new("reward"), Fees = new("fees"), Slashed = new("slashed");
    private static readonly DataField<double?> VData = new("v_data"), VTraining = new("v_training"), VUsage = new("v_usage");
    private static readonly DataField<long?> Calls = new("calls");
    private static readonly DataField<bool?> Present = new("present"), Cheated = new("cheated");
    private static readonly DataField<double?> Cost = new("cost"), BondSlashed = new("bond_slashed"), Profit = new("profit"), Bond = new("bond");
    private static readonly DataField<int?> EpochsActive = new("epochs_active"), CheatedEpochs = new("cheated_epochs");
    private static readonly DataField<double?> RewardTotal = new("reward_total"), CostTotal = new("cost_total"),
        BondSlashedTotal = new("bond_slashed_total");

    /// <summary>The columns in file order (their meanings: docs/model.md §17.8).</summary>
    public static ParquetSchema Schema { get; } = new(RunId, Epoch, Id, Role, Active, Balance, Reward, Fees, Slashed, VData, VTraining, VUsage,
        Calls, Present, Cheated, Cost, BondSlashed, Profit, Bond, EpochsActive, CheatedEpochs, RewardTotal, CostTotal, BondSlashedTotal);

    private static readonly DataField<double?>[] Values = [VData, VTraining, VUsage]; // by role: providers, trainers, users

    private readonly ParquetWriter _writer;
    private readonly string _runId;
    private readonly string[] _runIds = new string[RowGroupRows], _roles = new string[RowGroupRows];
    private readonly int[] _epochs = new int[RowGroupRows], _ids = new int[RowGroupRows];
    private readonly bool[] _active = new bool[RowGroupRows];
    private readonly double[] _balance = new double[RowGroupRows], _reward = new double[RowGroupRows], _fees = new double[RowGroupRows],
        _slashed = new double[RowGroupRows];
    private readonly double?[][] _values = [new double?[RowGroupRows], new double?[RowGroupRows], new double?[RowGroupRows]];
    private readonly long?[] _calls = new long?[RowGroupRows];
    private readonly bool?[] _present = new bool?[RowGroupRows], _cheated = new bool?[RowGroupRows];
    private readonly double?[] _cost = new double?[RowGroupRows], _bondSlashed = new double?[RowGroupRows], _profit = new double?[RowGroupRows],
        _bond = new double?[RowGroupRows], _rewardTotal = new double?[RowGroupRows], _costTotal = new double?[RowGroupRows],
        _bondSlashedTotal = new double?[RowGroupRows];
    private readonly int?[] _epochsActive = new int?[RowGroupRows], _cheatedEpochs = new int?[RowGroupRows];
    private int _rows;
    private readonly Stream? _owned;

    private AgentsParquetWriter(ParquetWriter writer, string runId, Stream? owned) => (_writer, _runId, _owned) = (writer, runId, owned);

    /// <param name="destination">Written from its current position.</param>
    /// <param name="runId">Every row's run_id (<see cref="RunFiles.RunIdColumn"/>), so the tables of many runs concatenate.</param>
    /// <param name="ownsStream">Dispose flushes the stream (a file to the disk) and closes it; else it is left open.</param>
    public static async Task<AgentsParquetWriter> CreateAsync(Stream destination, string runId, CancellationToken ct = default,
        bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        return new AgentsParquetWriter(await ParquetWriter.CreateAsync(Schema, destination, options, append: false, ct), runId,
            ownsStream ? destination : null);
    }

    /// <summary>One shard's rows of <paramref name="epoch"/>, in their (agent-id) order; the writer copies them, keeping no reference.</summary>
    public async Task AppendAsync(int epoch, AgentRows rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var k = 0; k < rows.Count; k++)
        {
            Put(epoch, rows, k);
            if (_rows == RowGroupRows) await FlushAsync(ct);
        }
    }

    private void Put(int epoch, AgentRows a, int k)
    {
        var r = _rows++;
        var role = a.Roles[k];
        (_runIds[r], _epochs[r], _ids[r], _roles[r], _active[r]) = (_runId, epoch, a.First + k, role.Key(), a.Active[k]);
        (_balance[r], _reward[r]) = (TokenUnits.ToTokens(a.Balance[k]), TokenUnits.ToTokens(a.Reward[k]));
        (_fees[r], _slashed[r]) = (TokenUnits.ToTokens(a.Fees[k]), TokenUnits.ToTokens(a.Slashed[k]));
        for (var v = 0; v < _values.Length; v++) _values[v][r] = (int)role == v ? a.Value[k] : null;
        _calls[r] = role == Domain.Agents.Role.ServiceUser ? a.Calls[k] : null;
        if (a.Behaviour is { } b && b.Responds[k])
        {
            (_present[r], _cheated[r], _cost[r]) = (b.Present[k], b.Cheated[k], b.Cost[k]);
            (_bondSlashed[r], _bond[r]) = (TokenUnits.ToTokens(b.BondSlashed[k]), TokenUnits.ToTokens(b.Bond[k]));
            _profit[r] = TokenUnits.ToTokens(a.Reward[k]) - b.Cost[k] - TokenUnits.ToTokens(b.BondSlashed[k]); // as the behaviour model's profit
            (_epochsActive[r], _cheatedEpochs[r]) = (b.EpochsActive[k], b.CheatedEpochs[k]);
            (_rewardTotal[r], _costTotal[r]) = (TokenUnits.ToTokens(b.RewardTotal[k]), b.CostTotal[k]);
            _bondSlashedTotal[r] = TokenUnits.ToTokens(b.BondSlashedTotal[k]);
        }
        else
        {
            (_present[r], _cheated[r], _cost[r], _bondSlashed[r], _bond[r], _profit[r]) = (null, null, null, null, null, null);
            (_epochsActive[r], _cheatedEpochs[r], _rewardTotal[r], _costTotal[r], _bondSlashedTotal[r]) = (null, null, null, null, null);
        }
    }

    /// <summary>The buffered rows as one row group; nothing when empty (a file of no rows has its schema and no row group).</summary>
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
            await group.WriteAsync<bool>(Active, _active.AsMemory(0, n), null, null, ct);
            foreach (var (field, values) in new[] { (Balance, _balance), (Reward, _reward), (Fees, _fees), (Slashed, _slashed) })
                await group.WriteAsync<double>(field, values.AsMemory(0, n), null, null, ct);
            for (var v = 0; v < Values.Length; v++) await group.WriteAsync<double>(Values[v], _values[v].AsMemory(0, n), null, null, ct);
            await group.WriteAsync<long>(Calls, _calls.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<bool>(Present, _present.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<bool>(Cheated, _cheated.AsMemory(0, n), null, null, ct);
            foreach (var (field, values) in new[] { (Cost, _cost), (BondSlashed, _bondSlashed), (Profit, _profit), (Bond, _bond) })
                await group.WriteAsync<double>(field, values.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<int>(EpochsActive, _epochsActive.AsMemory(0, n), null, null, ct);
            await group.WriteAsync<int>(CheatedEpochs, _cheatedEpochs.AsMemory(0, n), null, null, ct);
            foreach (var (field, values) in new[] { (RewardTotal, _rewardTotal), (CostTotal, _costTotal), (BondSlashedTotal, _bondSlashedTotal) })
                await group.WriteAsync<double>(field, values.AsMemory(0, n), null, null, ct);
        }
        _rows = 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
            await _writer.DisposeAsync();
            if (_owned is FileStream file) file.Flush(flushToDisk: true); // the folder rename that follows must publish complete data
        }
        finally
        {
            if (_owned is not null) await _owned.DisposeAsync();
        }
    }
}

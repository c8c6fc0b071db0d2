using TokenEconSim.Contracts;

namespace TokenEconSim.Grains;

/// <summary>
/// Holds a run's last checkpoint in the silo's default grain storage (in memory by default, a
/// PostgreSQL row with --storage postgres), so a coordinator on any silo can continue the run.
/// </summary>
public sealed class RunCheckpointGrain(
    [PersistentState("checkpoint", "Default")] IPersistentState<RunCheckpointState> state) : Grain, IRunCheckpointGrain
{
    public async Task Save(int epoch, byte[] checkpoint)
    {
        state.State.Epoch = epoch;
        state.State.Bytes = checkpoint;
        await state.WriteStateAsync();
    }

    public Task<int> Epoch() => Task.FromResult(state.RecordExists ? state.State.Epoch : -1);

    public Task<StoredCheckpoint> Load() =>
        Task.FromResult(state.RecordExists ? new StoredCheckpoint(state.State.Epoch, state.State.Bytes) : new StoredCheckpoint(-1, []));
}

[GenerateSerializer, Alias("TokenEconSim.RunCheckpointState")]
public sealed class RunCheckpointState
{
    [Id(0)] public int Epoch { get; set; } = -1;
    [Id(1)] public byte[] Bytes { get; set; } = [];
}

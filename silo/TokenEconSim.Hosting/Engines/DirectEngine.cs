using System.Runtime.CompilerServices;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Hosting.Engines;

/// <summary>The in-process engine: shards in a list, no Orleans. The performance reference.</summary>
public sealed class DirectEngine(Checkpointing? checkpointing = null) : ISimulationEngine
{
    private readonly Checkpointing _checkpointing = checkpointing ?? Checkpointing.None;
    private EpochLoop? _loop;

    public async Task StartAsync(string runId, string resolvedScenario, CancellationToken ct)
    {
        // Parse the resolved text, exactly as the grains do, so both engines see one scenario.
        var model = new RunModel(ScenarioLoader.LoadText(resolvedScenario, runId).Scenario
            ?? throw new InvalidOperationException("resolved scenario does not load"));
        _loop = new EpochLoop(model, new DirectShardGateway(model), ConsensusFactory.Create(model.Scenario))
        {
            CheckpointEvery = _checkpointing.Every,
            SaveCheckpoint = _checkpointing.Saved is { } saved ? (epoch, bytes, _) => saved(epoch, bytes) : null,
        };
        if (_checkpointing.ResumeFrom is { } checkpoint) await _loop.RestoreAsync(checkpoint, ct);
        else await _loop.InitializeAsync(ct);
    }

    public async Task<(IReadOnlyList<EpochMetrics> Rows, bool Complete)> AdvanceAsync(int maxEpochs, CancellationToken ct)
    {
        var rows = await _loop!.AdvanceAsync(maxEpochs, ct);
        return (rows, _loop.IsComplete);
    }

    public int? AgentsEpoch => _loop!.AgentsReady;

    public async IAsyncEnumerable<AgentRows> TakeAgentRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        for (var shard = 0; shard < _loop!.ShardCount; shard++) yield return await _loop.TakeAgentRowsAsync(shard, ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Silo.Engines;

/// <summary>
/// Runs on Orleans: a coordinator grain and its shard grains. Starts its own embedded silo unless
/// given a grain factory of a silo that is already running (the benchmark reuses one).
/// </summary>
public sealed class OrleansEngine(IGrainFactory? grains = null) : ISimulationEngine
{
    private IHost? _ownHost;
    private IRunCoordinatorGrain? _coordinator;

    public async Task StartAsync(string runId, string resolvedScenario, CancellationToken ct)
    {
        var factory = grains;
        if (factory is null)
        {
            _ownHost = await EmbeddedSilo.StartAsync(ct);
            factory = _ownHost.Services.GetRequiredService<IGrainFactory>();
        }
        _coordinator = factory.GetGrain<IRunCoordinatorGrain>(runId);
        await _coordinator.Start(resolvedScenario);
    }

    public async Task<(IReadOnlyList<EpochMetrics> Rows, bool Complete)> AdvanceAsync(int maxEpochs, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var batch = await _coordinator!.Advance(maxEpochs);
        return (batch.Epochs, batch.Complete);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownHost is null) return;
        await _ownHost.StopAsync(TimeSpan.FromSeconds(10));
        _ownHost.Dispose();
    }
}

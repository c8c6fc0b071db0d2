using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Silo.Engines;

/// <summary>Runs on an embedded silo: a coordinator grain and its shard grains.</summary>
public sealed class OrleansEngine : ISimulationEngine
{
    private IHost? _host;
    private IRunCoordinatorGrain? _coordinator;

    public async Task StartAsync(string runId, string resolvedScenario, CancellationToken ct)
    {
        _host = await EmbeddedSilo.StartAsync(ct);
        _coordinator = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunCoordinatorGrain>(runId);
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
        if (_host is null) return;
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TokenEconSim.Grains.Tests;

/// <summary>
/// A coordinator call that runs epochs on a busy machine may take minutes: silos and clients that register TokenEconSim wait for it
/// (Orleans' default of 30 s made a loaded test machine fail calls still running).
/// </summary>
public sealed class CallTimeoutTests
{
    [Fact]
    public async Task SilosAndClientsWaitForLongCoordinatorCalls()
    {
        await using var cluster = await ClusterRun.StartClusterAsync(1);
        var silo = cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;
        var client = cluster.Client.ServiceProvider.GetRequiredService<IOptions<ClientMessagingOptions>>().Value;
        Assert.Equal(SiloBuilderExtensions.CallTimeout, silo.ResponseTimeout);
        Assert.Equal(SiloBuilderExtensions.CallTimeout, client.ResponseTimeout);
        Assert.True(SiloBuilderExtensions.CallTimeout >= TimeSpan.FromMinutes(5));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TokenEconSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>How long a grain call may run before its caller gives up.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Registers what every TokenEconSim silo (and client) needs. The domain's messages are
    /// serialized by the surrogate codecs in TokenEconSim.Contracts.Surrogates, which Orleans finds
    /// by code generation; nothing to register for them here.
    /// </summary>
    public static IServiceCollection AddTokenEconSim(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioCache>();
        // A coordinator call runs whole epochs: a large population, or a small one on a busy machine, takes longer than Orleans'
        // 30 s default. Silo and client alike (test clusters included), so that no caller gives up on a call still running.
        services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
        services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
        return services;
    }
}

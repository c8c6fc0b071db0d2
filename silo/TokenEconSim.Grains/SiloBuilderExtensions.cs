using Microsoft.Extensions.DependencyInjection;

namespace TokenEconSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what every TokenEconSim silo (and client) needs. The domain's messages are
    /// serialized by the surrogate codecs in TokenEconSim.Contracts.Surrogates, which Orleans finds
    /// by code generation; nothing to register for them here.
    /// </summary>
    public static IServiceCollection AddTokenEconSim(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioCache>();
        return services;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace TokenEconSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what every TokenEconSim silo (and client) needs: the scenario cache and a codec for
    /// the domain's message types. The domain has no Orleans reference by design, so its records
    /// cross grain boundaries through Orleans' System.Text.Json codec. JSON keeps doubles exact
    /// (shortest round-trip text) and Int128 natively; NaN is allowed as a named literal.
    /// </summary>
    public static IServiceCollection AddTokenEconSim(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioCache>();
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("TokenEconSim.Domain", StringComparison.Ordinal) == true,
            jsonSerializerOptions: new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return services;
    }
}

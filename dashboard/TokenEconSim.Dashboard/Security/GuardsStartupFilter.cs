using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TokenEconSim.Dashboard.Security;

/// <summary>
/// Puts the JSON errors and the request guards outermost, around the host filtering that the web
/// host itself places first in the pipeline (its own startup filter): so a refused Host gets the
/// JSON body and the anti-framing headers like every other answer.
/// </summary>
public static class GuardsStartupFilter
{
    /// <summary>Registered first, so it wraps every other startup filter (the host applies them in reverse order of registration).</summary>
    public static IServiceCollection AddOutermostGuards(this IServiceCollection services, string? token, string? orleansPath)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new Filter(token, orleansPath)));
        return services;
    }

    private sealed class Filter(string? token, string? orleansPath) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseJsonErrors();
            app.UseRequestGuards(token, orleansPath);
            next(app);
        };
    }
}

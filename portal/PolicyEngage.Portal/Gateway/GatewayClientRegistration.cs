using Microsoft.Extensions.Http.Resilience;

namespace PolicyEngage.Portal.Gateway;

public static class GatewayClientRegistration
{
    /// <summary>
    /// A resilient client of the gateway (<c>Portal:GatewayUrl</c>). Only reads are retried: a retried POST could
    /// submit or decide twice.
    /// </summary>
    public static WebApplicationBuilder AddGatewayClient(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.GatewayUrl)}"];
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUrl))
            throw new InvalidOperationException($"Refusing to start: Portal:GatewayUrl '{gateway}' is not an absolute URL of the gateway.");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<GatewayClient>(client => client.BaseAddress = gatewayUrl)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.DisableForUnsafeHttpMethods();
                // The audit's full verify and export may take minutes behind the gateway.
                resilience.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(4);
            });
        return builder;
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Polly;
using Yarp.ReverseProxy.Forwarder;

namespace PolicyEngage.Gateway.Resilience;

public static class ProxyResilience
{
    /// <summary>Timeouts and a circuit per destination on every proxied call; settings from <see cref="ProxyResilienceOptions"/>.</summary>
    public static WebApplicationBuilder AddProxyResilience(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyResilienceOptions>()
            .BindConfiguration(ProxyResilienceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddResiliencePipelineRegistry<string>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ResilientForwarderHttpClientFactory>();
        // Circuit openings, closings and timeouts as metrics beside the rest of the gateway's telemetry.
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Polly"));
        return builder;
    }

    /// <summary>
    /// Turns YARP's bare 502/504 for a service that is down, hung or behind an open circuit into a 503 problem with
    /// <c>Retry-After</c>. Headers already set (CORS) are kept, and the answer names no internal address; YARP has
    /// already logged the failure with its detail.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseServiceUnavailableProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next(context);

            var error = context.GetForwarderErrorFeature();
            if (error is not { Error: ForwarderError.Request or ForwarderError.RequestTimedOut, Exception: { } failure }
                || !DestinationFailure.IsUnavailable(failure)
                || context.Response.HasStarted)
                return;

            var retryAfter = context.RequestServices.GetRequiredService<IOptions<ProxyResilienceOptions>>().Value.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Service unavailable",
                    detail: $"The service behind this route is not answering; retry after {retryAfter} second(s).")
                .ExecuteAsync(context);
        });
        return proxy;
    }
}

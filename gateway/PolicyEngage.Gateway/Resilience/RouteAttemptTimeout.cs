using System.Globalization;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace PolicyEngage.Gateway.Resilience;

/// <summary>
/// A route whose answer takes long by design (a full ledger verify, a streamed export) names its own attempt timeout in
/// its metadata, <c>"Metadata": {"AttemptTimeout": "00:05:00"}</c>; every other route keeps
/// <see cref="ProxyResilienceOptions.AttemptTimeout"/>. The route's value travels on the outbound request, where the
/// destination's pipeline reads it.
/// </summary>
public static class RouteAttemptTimeout
{
    public const string MetadataKey = "AttemptTimeout";

    private static readonly HttpRequestOptionsKey<TimeSpan> RequestOption = new("PolicyEngage.AttemptTimeout");

    public static IReverseProxyBuilder AddRouteAttemptTimeouts(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(context =>
        {
            if (Of(context) is not { } timeout) return;
            context.AddRequestTransform(transform =>
            {
                transform.ProxyRequest.Options.Set(RequestOption, timeout);
                return ValueTask.CompletedTask;
            });
        });

    /// <summary>The route's own timeout, if it names one; a malformed one refuses the configuration at load.</summary>
    public static TimeSpan? Of(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.TryGetValue(MetadataKey, out var text) != true) return null;
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) || timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
            throw new InvalidOperationException(
                $"Route '{context.Route.RouteId}' names AttemptTimeout '{text}': it must be a positive time span of at most an hour.");
        return timeout;
    }

    public static TimeSpan For(HttpRequestMessage? request, TimeSpan otherwise) =>
        request is not null && request.Options.TryGetValue(RequestOption, out var timeout) ? timeout : otherwise;
}

using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using Yarp.ReverseProxy.Forwarder;

namespace PolicyEngage.Gateway.Resilience;

/// <summary>
/// YARP's outbound client with a short connect timeout and, in front of the socket handler, a Polly pipeline per
/// destination: a circuit breaker around an attempt timeout (the route's own, where it names one). No retries: the gateway never sends a request twice.
/// </summary>
public sealed class ResilientForwarderHttpClientFactory(
    ILogger<ForwarderHttpClientFactory> logger,
    IOptions<ProxyResilienceOptions> options,
    ResiliencePipelineRegistry<string> pipelines) : ForwarderHttpClientFactory(logger)
{
    private readonly ProxyResilienceOptions _options = options.Value;

    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = _options.ConnectTimeout;
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ResilienceHandler(PipelineFor) { InnerHandler = base.WrapHandler(context, handler) };

    /// <summary>Keyed by destination rather than cluster, so that a cluster's healthy destinations keep serving.</summary>
    private ResiliencePipeline<HttpResponseMessage> PipelineFor(HttpRequestMessage request) =>
        pipelines.GetOrAddPipeline<HttpResponseMessage>(
            $"gateway-destination:{request.RequestUri!.GetLeftPart(UriPartial.Authority)}",
            (pipeline, _) => pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = _options.FailureRatio,
                    MinimumThroughput = _options.MinimumThroughput,
                    SamplingDuration = _options.SamplingDuration,
                    BreakDuration = _options.BreakDuration,
                    ShouldHandle = failure => ValueTask.FromResult(CountsAgainstDestination(failure.Outcome, failure.Context)),
                })
                .AddTimeout(new TimeoutStrategyOptions
                {
                    TimeoutGenerator = attempt => ValueTask.FromResult(RouteAttemptTimeout.For(attempt.Context.GetRequestMessage(), _options.AttemptTimeout)),
                }));

    /// <summary>
    /// A service that answered, even with a 500, is up. A timed-out request with a body may be a slow uploader rather
    /// than a hung service, and a caller must not be able to open the circuit for everyone.
    /// </summary>
    private static bool CountsAgainstDestination(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome.Exception switch
    {
        null => false,
        TimeoutRejectedException => context.GetRequestMessage()?.Content is null,
        var exception => DestinationFailure.IsUnreachable(exception),
    };
}

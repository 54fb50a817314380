using System.ComponentModel.DataAnnotations;

namespace PolicyEngage.Gateway.Resilience;

/// <summary>
/// Configuration section <c>Resilience</c>: how the gateway answers for a service that is stopped or hung. Each destination
/// (scheme, host and port) has its own circuit, so one service's outage never refuses another service's routes.
/// <list type="bullet">
/// <item><c>ConnectTimeout</c> (default 1 s): wait for a TCP connection; a stopped service is known to be down within it.</item>
/// <item><c>AttemptTimeout</c> (default 10 s): wait for the response headers, request upload included; then 503.</item>
/// <item><c>FailureRatio</c> (default 0.5), <c>MinimumThroughput</c> (default 5), <c>SamplingDuration</c> (default 10 s):
/// the circuit opens when at least that share of at least that many calls within the window failed to reach the service.</item>
/// <item><c>BreakDuration</c> (default 5 s): how long an open circuit refuses at once (503, <c>Retry-After</c>) before one
/// trial call; a success closes it again.</item>
/// </list>
/// </summary>
public sealed class ProxyResilienceOptions
{
    public const string Section = "Resilience";

    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What <c>Retry-After</c> tells a refused caller: the break duration in whole seconds.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(BreakDuration.TotalSeconds));
}

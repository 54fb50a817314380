namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>
/// What one attempt came to: the receiver's status, or why there was none. <paramref name="At"/> is the attempt's
/// <c>webhook-timestamp</c>; <paramref name="RetryAfter"/> is a 429's or 503's <c>Retry-After</c>, capped at 24 h, which
/// replaces the schedule's next span.
/// </summary>
public sealed record WebhookAttemptOutcome(DateTimeOffset At, int? StatusCode, string? Error, long DurationMs, TimeSpan? RetryAfter)
{
    /// <summary>Any 2xx answer; a redirect is a failure, never followed.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <summary>410: the receiver wants no more webhooks; the endpoint is disabled.</summary>
    public bool Gone => StatusCode == 410;
}

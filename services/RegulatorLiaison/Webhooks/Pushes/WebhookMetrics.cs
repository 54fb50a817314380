using System.Diagnostics.Metrics;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

/// <summary>
/// Push attempts as they are made, by what each came to for its push and the receiver's status class. Here, not beside
/// the sender: what an attempt came to (a retry, the schedule's end) is the push's to say.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "PolicyEngage.Webhooks";
    public const string AttemptsCounter = "policyengage.webhooks.attempts";

    private readonly Counter<long> _attempts;

    public WebhookMetrics(IMeterFactory meterFactory) =>
        _attempts = meterFactory.Create(MeterName).CreateCounter<long>(AttemptsCounter, unit: "{attempt}",
            description: "Webhook push attempts, by outcome (succeeded, retry, exhausted, gone) and status class (2xx-5xx, or none: no answer).");

    /// <param name="pushState">The push's state once the attempt is recorded on it.</param>
    public void Attempted(WebhookAttemptOutcome outcome, PushState pushState) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeOf(pushState)),
            new KeyValuePair<string, object?>("status_class", outcome.StatusCode is { } status ? $"{status / 100}xx" : "none"));

    private static string OutcomeOf(PushState pushState) => pushState switch
    {
        PushState.Succeeded => "succeeded",
        PushState.Pending => "retry",
        PushState.Exhausted => "exhausted",
        // An attempt leaves its push Disabled only on a 410: the endpoint is gone.
        PushState.Disabled => "gone",
        _ => throw new ArgumentOutOfRangeException(nameof(pushState), pushState, "Not a push state."),
    };
}

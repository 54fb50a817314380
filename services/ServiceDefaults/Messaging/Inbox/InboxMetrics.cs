using System.Diagnostics.Metrics;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// What the consumers see arrive, tagged with the consumer's declared inbox name (stable across renames, unlike its CLR
/// type) and the event's contract name.
/// </summary>
public sealed class InboxMetrics
{
    public const string MeterName = "PolicyEngage.Inbox";
    public const string DuplicatesCounter = "policyengage.inbox.duplicates_absorbed";
    public const string LagHistogram = "policyengage.inbox.consumer_lag";

    // From sub-second (a healthy relay) to an hour (a broker outage drained, an _error queue moved back).
    private static readonly IReadOnlyList<double> LagBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _lag;

    public InboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _duplicates = meter.CreateCounter<long>(DuplicatesCounter, unit: "{message}",
            description: "Deliveries of a message the consumer had applied already, skipped by its inbox.");
        _lag = meter.CreateHistogram(LagHistogram, unit: "s",
            description: "From the event's OccurredAt to a consumer starting on it: the outbox relay's wait and the queue's together.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    public void DuplicateAbsorbed(string consumer, string messageType) =>
        _duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("message_type", messageType));

    /// <summary>A lag below zero is the producer's clock running ahead of ours; it is recorded as none.</summary>
    public void ConsumptionStarted(string consumer, string messageType, TimeSpan lag) =>
        _lag.Record(Math.Max(0, lag.TotalSeconds),
            new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("message_type", messageType));
}

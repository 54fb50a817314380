using System.Diagnostics.Metrics;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

public sealed class OutboxMetrics
{
    public const string MeterName = "PolicyEngage.Outbox";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private long _waiting;
    private double _oldestUnsentAgeSeconds;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("policyengage.outbox.published", description: "Outbox rows published to the broker.");
        _publishFailures = meter.CreateCounter<long>("policyengage.outbox.publish_failures", description: "Publishes that failed and will be retried.");
        meter.CreateObservableGauge("policyengage.outbox.waiting", () => Volatile.Read(ref _waiting), description: "Rows not yet sent.");
        meter.CreateObservableGauge("policyengage.outbox.oldest_unsent_age", () => Volatile.Read(ref _oldestUnsentAgeSeconds), unit: "s",
            description: "Age of the oldest row not yet sent.");
    }

    public void Published(int count) => _published.Add(count);

    public void PublishFailed(int count) => _publishFailures.Add(count);

    public void Backlog(long waiting, TimeSpan oldestAge)
    {
        Volatile.Write(ref _waiting, waiting);
        Volatile.Write(ref _oldestUnsentAgeSeconds, oldestAge.TotalSeconds);
    }
}

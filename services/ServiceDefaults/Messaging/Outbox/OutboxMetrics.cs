using System.Diagnostics.Metrics;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

public sealed class OutboxMetrics
{
    public const string MeterName = "PolicyEngage.Outbox";
    public const string WaitingGauge = "policyengage.outbox.waiting";
    public const string ParkedGauge = "policyengage.outbox.parked";
    public const string OldestUnsentAgeGauge = "policyengage.outbox.oldest_unsent_age";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _attemptFailures;
    private long _waiting;
    private long _parked;
    private double _oldestUnsentAgeSeconds;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("policyengage.outbox.published", description: "Outbox rows published to the broker.");
        _publishFailures = meter.CreateCounter<long>("policyengage.outbox.publish_failures",
            description: "Rows a round could not publish, whoever was at fault (a broker outage included).");
        _attemptFailures = meter.CreateCounter<long>("policyengage.outbox.attempt_failures",
            description: "Failures counted against the row that caused them; a row is parked after Outbox:MaxAttempts.");
        meter.CreateObservableGauge(WaitingGauge, () => Volatile.Read(ref _waiting), description: "Rows neither sent nor parked.");
        meter.CreateObservableGauge(ParkedGauge, () => Volatile.Read(ref _parked),
            description: "Rows parked after Outbox:MaxAttempts failures; each needs an operator.");
        meter.CreateObservableGauge(OldestUnsentAgeGauge, () => Volatile.Read(ref _oldestUnsentAgeSeconds), unit: "s",
            description: "Age of the oldest row neither sent nor parked.");
    }

    public void Published(int count) => _published.Add(count);

    public void PublishFailed(int count) => _publishFailures.Add(count);

    public void AttemptFailed() => _attemptFailures.Add(1);

    public void Backlog(long waiting, long parked, TimeSpan oldestAge)
    {
        Volatile.Write(ref _waiting, waiting);
        Volatile.Write(ref _parked, parked);
        Volatile.Write(ref _oldestUnsentAgeSeconds, oldestAge.TotalSeconds);
    }
}

using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyEngage.Audit.Checkpoints;
using PolicyEngage.Audit.Data;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// Events that arrived before their cause wait; a few, briefly, is normal. How many and for how long shows in a gauge
/// and in the readiness body, and one waiting longer than <see cref="LedgerOptions.WaitAlertAfter"/> (a cause that
/// never came) turns readiness Degraded.
/// </summary>
public static class WaitingEvents
{
    public const string MeterName = "PolicyEngage.Ledger";

    public static async Task<WaitingCount> MeasureAsync(AuditDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var count = await db.PendingEvents.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await db.PendingEvents.MinAsync(e => (DateTime?)e.ReceivedAt, cancellationToken);
        return new WaitingCount(count, oldest is { } received ? now - received : TimeSpan.Zero);
    }
}

public sealed record WaitingCount(int Count, TimeSpan OldestAge);

public sealed class WaitingEventsMetrics
{
    public const string WaitingGauge = "policyengage.ledger.waiting";
    public const string OldestWaitingAgeGauge = "policyengage.ledger.oldest_waiting_age";

    private long _count;
    private double _oldestAgeSeconds;

    public WaitingEventsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WaitingEvents.MeterName);
        meter.CreateObservableGauge(WaitingGauge, () => Volatile.Read(ref _count), description: "Events waiting for their cause to reach the ledger.");
        meter.CreateObservableGauge(OldestWaitingAgeGauge, () => Volatile.Read(ref _oldestAgeSeconds), unit: "s",
            description: "How long the oldest waiting event has waited.");
    }

    public void Record(WaitingCount measured)
    {
        Volatile.Write(ref _count, measured.Count);
        Volatile.Write(ref _oldestAgeSeconds, measured.OldestAge.TotalSeconds);
    }
}

internal sealed class WaitingEventsHealthCheck(AuditDbContext db, TimeProvider clock, IOptions<LedgerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var measured = await WaitingEvents.MeasureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var description = $"{measured.Count} event(s) wait for their cause; the oldest for {measured.OldestAge:c}.";
        return measured.Count > 0 && measured.OldestAge > options.Value.WaitAlertAfter
            ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description);
    }
}

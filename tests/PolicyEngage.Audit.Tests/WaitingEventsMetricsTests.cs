using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Metrics;

namespace PolicyEngage.Audit.Tests;

/// <summary>The checkpoint signer's round (every Ledger:CheckpointInterval) feeds the waiting gauges from the ledger's pending events.</summary>
public sealed class WaitingEventsMetricsTests(AuditApp app) : IClassFixture<AuditApp>
{
    [Fact]
    public async Task An_event_waiting_for_its_cause_shows_in_the_waiting_gauges_until_its_cause_arrives()
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var waiting = new MetricCollector<long>(meters, WaitingEvents.MeterName, WaitingEventsMetrics.WaitingGauge);
        using var oldestAge = new MetricCollector<double>(meters, WaitingEvents.MeterName, WaitingEventsMetrics.OldestWaitingAgeGauge);
        var registered = RegulatorEvents.Registered(Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(Guid.CreateVersion7(), registered.RegulatorId, registered.EventId);

        await app.PublishAsync(opened);
        await Eventually.True(() => waiting.ReadNow() == 1 && oldestAge.ReadNow() > 0, "the gauges show one event waiting, for a while");

        await app.PublishAsync(registered);
        await Eventually.True(() => waiting.ReadNow() == 0 && oldestAge.ReadNow() == 0, "the gauges show none waiting");
    }
}

using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests;

/// <summary>
/// A digest Submissions never answers for (here: no Submissions at all) stays Delivering; past
/// Digests:DeliveryAlertAfter (5 minutes) it shows in readiness and in a metric, and an answer clears both.
/// </summary>
public sealed class DeliveryAlertTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    [Fact]
    public async Task A_digest_Delivering_past_the_alert_time_degrades_readiness_and_shows_in_the_metric_until_Submissions_answers()
    {
        using var gauge = new OverdueGauge(app.Services.GetRequiredService<IMeterFactory>());
        var digestId = await DeliveringDigestAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("Healthy", await ReadinessAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var degraded = await ReadinessAsync();
        Assert.Equal("Degraded", degraded);
        await gauge.EventuallyAsync(value => value == 1, "the overdue gauge at 1");

        var requested = Assert.Single(await app.OutboxAsync<DigestDeliveryRequested>(), e => e.DigestId == digestId);
        await app.PublishAsync(new DigestPapersReserved(requested.ConsultationId, digestId, requested.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime,
            Actor = "system",
            CausationId = requested.EventId,
        });
        Assert.Equal("Healthy", await ReadinessAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await gauge.EventuallyAsync(value => value == 0, "the overdue gauge back at 0");
    }

    private async Task<Guid> DeliveringDigestAsync()
    {
        var officer = app.Officer();
        var regulator = await officer.PostAsJsonAsync("/api/regulators", new { name = "Board of Alerts", jurisdiction = "EU" });
        var regulatorId = (await regulator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await officer.PostAsJsonAsync("/api/consultations", new
        {
            regulatorId, reference = "ALERT-1", title = "Alerts", summary = "A delivery nobody answers", closesAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(30),
        });
        var consultationId = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var submitted = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), 1, "acme");
        await app.PublishAsync([submitted, ReviewEvents.Completed(submitted, ReviewOutcome.Approve)]);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/consultations/{consultationId}/close", null)).StatusCode);
        var compiled = await officer.PostAsync($"/api/consultations/{consultationId}/digests", null);
        Assert.Equal(HttpStatusCode.Created, compiled.StatusCode);
        var digestId = (await compiled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsync($"/api/digests/{digestId}/deliver", null)).StatusCode);
        return digestId;
    }

    /// <summary>The overall status of /health/ready (200 either way), with the digest check's description when degraded.</summary>
    private async Task<string> ReadinessAsync()
    {
        var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = (await ready.Content.ReadFromJsonAsync<JsonElement>());
        var status = report.GetProperty("status").GetString()!;
        if (status == "Degraded")
            Assert.Contains("Delivering for longer than", report.GetProperty("checks").GetProperty("digest-deliveries").GetProperty("description").GetString());
        return status;
    }

    /// <summary>The latest value this app's gauge reported (its meter factory is the meter's scope; other apps run beside it).</summary>
    private sealed class OverdueGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _value = -1;

        public OverdueGauge(IMeterFactory appMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Name: "policyengage.digests.delivery_overdue", Meter.Name: DigestMetrics.MeterName } && instrument.Meter.Scope == appMeters)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Exchange(ref _value, value));
            _listener.Start();
        }

        public async Task EventuallyAsync(Func<long, bool> satisfied, string what)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                _listener.RecordObservableInstruments();
                if (satisfied(Interlocked.Read(ref _value))) return;
                await Task.Delay(50);
            }
            Assert.Fail($"Timed out waiting for {what}; last value {Interlocked.Read(ref _value)}.");
        }

        public void Dispose() => _listener.Dispose();
    }
}

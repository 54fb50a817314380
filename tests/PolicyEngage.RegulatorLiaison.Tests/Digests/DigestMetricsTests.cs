using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests;

/// <summary>Each compile is timed once, tagged with how it ended, on the app's own meters.</summary>
public sealed class DigestMetricsTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    [Fact]
    public async Task A_compile_records_one_duration_tagged_compiled()
    {
        var consultationId = await ConsultationWithAnApprovedPaperAsync("MET-1");
        Assert.Equal(HttpStatusCode.OK, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/close", null)).StatusCode);
        using var durations = Collector();

        Assert.Equal(HttpStatusCode.Created, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/digests", null)).StatusCode);

        var measured = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("compiled", measured.Tags["outcome"]);
        Assert.True(measured.Value >= 0);
    }

    [Fact]
    public async Task A_compile_refused_while_the_consultation_is_open_records_one_duration_tagged_refused()
    {
        var consultationId = await ConsultationWithAnApprovedPaperAsync("MET-2");
        using var durations = Collector();

        Assert.Equal(HttpStatusCode.Conflict, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/digests", null)).StatusCode);

        Assert.Equal("refused", Assert.Single(durations.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    private MetricCollector<double> Collector() =>
        new(app.Services.GetRequiredService<IMeterFactory>(), DigestMetrics.MeterName, DigestMetrics.CompileDurationHistogram);

    private async Task<Guid> ConsultationWithAnApprovedPaperAsync(string reference)
    {
        var consultationId = await app.OpenConsultationAsync(await app.RegisterRegulatorAsync($"Board {reference}"), reference);
        var submitted = PaperEvents.Submitted(consultationId);
        await app.PublishAsync([submitted, ReviewEvents.Completed(submitted, ReviewOutcome.Approve)]);
        return consultationId;
    }
}

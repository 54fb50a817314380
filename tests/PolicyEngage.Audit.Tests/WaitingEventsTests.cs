using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

/// <summary>An event whose cause never comes waits, shows in the readiness body, and past Ledger:WaitAlertAfter degrades readiness (still 200).</summary>
public sealed class WaitingEventsTests(WaitingEventsTests.QuickAlertAuditApp app) : IClassFixture<WaitingEventsTests.QuickAlertAuditApp>
{
    /// <summary>Audit on a clock the test moves, so that "not yet past the alert" holds however slow the machine is.</summary>
    public sealed class QuickAlertAuditApp : AuditApp
    {
        public FakeTimeProvider Clock { get; } = TestClock.StartingNow();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Ledger:WaitAlertAfter", "00:00:03");
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
    }

    [Fact]
    public async Task An_event_waiting_for_a_cause_that_never_comes_shows_in_readiness_and_then_degrades_it()
    {
        var orphan = PaperEvents.Submitted(Guid.CreateVersion7(), Guid.CreateVersion7(), causationId: Guid.CreateVersion7());
        await app.PublishAsync(orphan);

        var (status, description) = await ReadinessAsync();
        Assert.Equal("Healthy", status);
        Assert.StartsWith("1 event(s) wait for their cause", description);

        app.Clock.Advance(TimeSpan.FromSeconds(3.5));
        (status, description) = await ReadinessAsync();
        Assert.Equal("Degraded", status);
        Assert.StartsWith("1 event(s) wait for their cause", description);
    }

    private async Task<(string Status, string Description)> ReadinessAsync()
    {
        using var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        return (report.GetProperty("status").GetString()!, report.GetProperty("checks").GetProperty("ledger-waiting").GetProperty("description").GetString()!);
    }
}

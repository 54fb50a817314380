using System.Diagnostics;
using System.Net;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.BrokerOutage;

/// <summary>
/// RabbitMQ stops for 15 seconds in the middle of a steady load and starts again. While it is away the write routes
/// still answer (the outboxes hold the events) and readiness reports the broker; after it is back every event
/// arrives, none twice, and the audit chain verifies.
/// </summary>
public sealed class BrokerOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    private readonly OutageSystem _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task No_event_is_lost_or_doubled_when_the_broker_goes_away_mid_stream()
    {
        var api = _system.Client();
        var liaison = await api.SignInAsync("outage-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync("outage-author", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync("outage-reviewer", "Reviewer", org: "globex");
        var auditor = await api.SignInAsync("outage-auditor", "Auditor");
        var consultationId = await ConsultationSteps.OpenConsultationAsync(liaison);
        await FlowSteps.CreatePaperAsync(author, consultationId, "First");

        var load = new LoadDriver(author, reviewer, consultationId);
        using var stopLoad = new CancellationTokenSource();
        var driving = load.RunAsync(stopLoad.Token);
        await Task.Delay(TimeSpan.FromSeconds(4));

        await _system.Node.StopAsync();
        var brokerDown = Stopwatch.StartNew();
        var submittedBefore = load.Submitted;
        var submissions = _system.Service("Submissions");
        using var health = new HttpClient { BaseAddress = submissions.BaseAddress };
        await Eventually.True(async () => (await health.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness reporting the broker down");
        while (brokerDown.Elapsed < Outage) await Task.Delay(200);
        var submittedWhileDown = load.Submitted - submittedBefore;

        await _system.Node.StartAgainAsync();
        var brokerBack = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        stopLoad.Cancel();
        await driving;

        var ledger = new SystemLedger(_system.DatabaseFiles);
        await Eventually.True(() => ledger.UnsentOutboxRows == 0 && ledger.LedgerEventIds().Count == ledger.OutboxRows,
            "every outbox drained and every event in the ledger", TimeSpan.FromSeconds(90));
        var drained = brokerBack.Elapsed;
        await Eventually.True(() => ledger.Count("reviews", "SELECT COUNT(*) FROM ReviewCases") == ledger.Count("submissions", "SELECT COUNT(*) FROM PaperVersion"),
            "a review case for every submitted version", TimeSpan.FromSeconds(60));

        var published = ledger.PublishedEventIds();
        var ledgered = ledger.LedgerEventIds();
        var versions = ledger.Count("submissions", "SELECT COUNT(*) FROM PaperVersion");
        var lost = published.Except(ledgered).Count();
        var doubled = ledgered.Count - ledgered.Distinct().Count();
        output.WriteLine($"broker outage: {load.Submitted} papers submitted ({submittedWhileDown} while the broker was down), " +
            $"{published.Count} events, {ledgered.Count} in the ledger, lost {lost}, doubled {doubled}, drained {drained.TotalSeconds:F1} s after the broker was back");

        Assert.True(submittedWhileDown > 0, "writes kept being answered while the broker was down");
        Assert.Equal(0, load.RefusedWrites);
        Assert.Equal(load.Submitted, versions);
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
        Assert.Equal(versions, ledger.Count("reviews", "SELECT COUNT(*) FROM ReviewCases"));
        Assert.Equal(ledger.Count("reviews", "SELECT COUNT(*) FROM ReviewCases WHERE Status = 'Decided'"), ledger.Count("submissions", "SELECT COUNT(*) FROM PaperReview"));
        var verify = (await auditor.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.True(verify["valid"]!.GetValue<bool>());
        Assert.Equal(ledgered.Count, verify["count"]!.GetValue<int>());
    }
}

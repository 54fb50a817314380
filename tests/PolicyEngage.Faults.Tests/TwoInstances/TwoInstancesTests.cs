using System.Diagnostics;
using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Webhooks;
using Xunit.Abstractions;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>
/// Two instances each of Submissions and Reviews share a database and queues: competing consumers on every queue,
/// two outbox relays claiming rows of one outbox. Each event reaches the broker once, and each review case exists once.
/// Two Audit instances share the ledger: its queue has a single active consumer, so one appends and the same one signs
/// (the exit criterion checks every event once, in causal order, and the chain and tree verified in full). Two
/// RegulatorLiaison instances share the pushes of every digest delivered to three endpoints: each push reaches its
/// receiver once.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TwoInstanceSystem _system = new();
    private readonly List<WebhookReceiver> _receivers = [];
    private PublishTap _tap = null!;

    public async Task InitializeAsync()
    {
        await _system.InitializeAsync();
        _tap = await PublishTap.StartAsync(_system.Broker);
        for (var i = 0; i < 3; i++) _receivers.Add(await WebhookReceiver.StartAsync(IPAddress.Loopback));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _tap.DisposeAsync();
            foreach (var receiver in _receivers) await receiver.DisposeAsync();
        }
        finally
        {
            await _system.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_instances_of_each_service_publish_each_event_once_open_each_case_once_append_and_sign_in_one_place_and_push_each_digest_once()
    {
        var scenario = await FaultScenario.StartAsync("two-instances", _system, _receivers.Select(r => new Uri(r.Url, "digests")).ToList());
        await Task.Delay(TimeSpan.FromSeconds(20));
        var figures = await scenario.StopAndCountAsync(Stopwatch.StartNew());

        var published = new SystemLedger(_system.DatabaseFiles).PublishedEventIds();
        await Eventually.True(() => _tap.Publishes.Count >= published.Count, "the tap seeing every published event");
        var twice = _tap.Publishes.Where(p => p.Value > 1).Select(p => $"{p.Key}×{p.Value}").ToList();
        output.WriteLine($"{figures}; broker routed {_tap.Publishes.Values.Sum()} publishes of {_tap.Publishes.Count} events, " +
            $"{twice.Count} published more than once; publishing processes: Submissions {_tap.PublishersOf("Submissions")}, Reviews {_tap.PublishersOf("Reviews")}");

        Assert.Empty(twice);
        Assert.Equal(published.Order(), _tap.Publishes.Keys.Order());
        Assert.Equal(2, _tap.PublishersOf("Submissions"));
        Assert.Equal(2, _tap.PublishersOf("Reviews"));
        var competing = (await new VirtualHostQueues(_system.Broker.VirtualHost, _system.Broker.ManagementPort).ListAsync())
            .Where(q => q.Name.StartsWith("submissions-", StringComparison.Ordinal) || q.Name.StartsWith("reviews-", StringComparison.Ordinal))
            .Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(competing);
        Assert.All(competing, queue => Assert.True(queue.Consumers == 2, $"{queue.Name} has {queue.Consumers} consumers, not one per instance"));

        var audits = _system.Instances("Audit").Select(process => (process.Name, Log: process.LogTail(int.MaxValue))).ToList();
        var signers = audits.Where(audit => audit.Log.Contains("Signed the ledger checkpoint", StringComparison.Ordinal)).Select(audit => audit.Name).ToList();
        output.WriteLine($"checkpoint signers: {string.Join(", ", signers)}");
        Assert.Single(signers);
        Assert.All(audits, audit => Assert.DoesNotContain("Another signer took this checkpoint's size", audit.Log));
        // The broker's queue figures are refreshed every few seconds: asked again rather than read once.
        await Eventually.True(async () => (await new VirtualHostQueues(_system.Broker.VirtualHost, _system.Broker.ManagementPort).ListAsync())
            .Single(q => q.Name == "audit-ledger-sequencer").Consumers == 2, "both Audit processes consuming the ledger queue");
        var auditor = await _system.Client().SignInAsync("two-instances-auditor", "Auditor");
        var verification = (await auditor.GetAsync("/api/audit/verify?full=true")).Expect(HttpStatusCode.OK).Json;
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());

        var files = new SystemLedger(_system.DatabaseFiles);
        var delivered = files.Count("regulatorliaison", "SELECT COUNT(*) FROM Digests WHERE Status IN ('Delivered', 'Acknowledged')");
        Assert.True(delivered > 0, "no digest was delivered under the load");
        await Eventually.True(() => _receivers.Sum(r => r.Received.Count) >= delivered * _receivers.Count, "every delivered digest at every receiver");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = _receivers.SelectMany(r => r.Received).ToList();
        var repeated = received.GroupBy(r => r.WebhookId).Where(g => g.Count() > 1).Select(g => $"{g.Key}×{g.Count()}").ToList();
        output.WriteLine($"{delivered} digests delivered, {received.Count} pushes received, {repeated.Count} received twice; " +
            $"pushing processes: {_system.Instances("RegulatorLiaison").Count(p => p.LogTail(int.MaxValue).Contains("attempt 1 to endpoint", StringComparison.Ordinal))}");
        Assert.Empty(repeated);
        Assert.Equal(delivered * _receivers.Count, received.Count);
        Assert.Equal(received.Count, files.Count("regulatorliaison", "SELECT COUNT(*) FROM DigestPushes WHERE State = 'Succeeded'"));
        await Eventually.True(() => files.Count("audit", "SELECT COUNT(*) FROM LedgerEntries WHERE EventType = 'DigestPushed'") == received.Count,
            "one DigestPushed in the ledger per push received");
    }
}

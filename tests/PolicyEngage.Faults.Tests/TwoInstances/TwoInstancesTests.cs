using System.Diagnostics;
using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>
/// Two instances each of Submissions and Reviews share a database and queues: competing consumers on every queue,
/// two outbox relays claiming rows of one outbox. Each event reaches the broker once, and each review case exists once.
/// Two Audit instances share the ledger: its queue has a single active consumer, so one appends and the same one signs
/// (the exit criterion checks every event once, in causal order, and the chain and tree verified in full).
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TwoInstanceSystem _system = new();
    private PublishTap _tap = null!;

    public async Task InitializeAsync()
    {
        await _system.InitializeAsync();
        _tap = await PublishTap.StartAsync(_system.Broker);
    }

    public async Task DisposeAsync()
    {
        await _tap.DisposeAsync();
        await _system.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_of_Submissions_and_Reviews_publish_each_event_once_and_open_each_case_once_and_two_of_Audit_append_and_sign_in_one_place()
    {
        var scenario = await FaultScenario.StartAsync("two-instances", _system);
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
        var ledger = Assert.Single(await new VirtualHostQueues(_system.Broker.VirtualHost, _system.Broker.ManagementPort).ListAsync(), q => q.Name == "audit-ledger-sequencer");
        Assert.Equal(2, ledger.Consumers);
        var auditor = await _system.Client().SignInAsync("two-instances-auditor", "Auditor");
        var verification = (await auditor.GetAsync("/api/audit/verify?full=true")).Expect(HttpStatusCode.OK).Json;
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());
    }
}

using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Webhooks;
using Xunit.Abstractions;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.Faults.Tests.PushKill;

/// <summary>
/// RegulatorLiaison dies by SIGKILL after the regulator's endpoint accepted a push and before the answer was recorded (a
/// failpoint puts the kill exactly there). Started again, it attempts the push once more with the same webhook-id and
/// body, the receiver's cue that it is a repeat, and records one success: one DigestPushed in the ledger.
/// </summary>
public sealed class PushKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string KillAfterPushAttempts = "FaultInjection__KillAfterPushAttempts";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly FailpointSystem _system = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["RegulatorLiaison"] = new Dictionary<string, string> { [KillAfterPushAttempts] = "1" },
    });

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Killed_between_an_accepted_attempt_and_its_record_the_push_is_repeated_with_its_webhook_id_and_succeeds_once()
    {
        var api = _system.Client();
        var liaison = await api.SignInAsync("push-kill-liaison", "LiaisonOfficer");
        var auditor = await api.SignInAsync("push-kill-auditor", "Auditor");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Push kill regulator");
        var regulator = await api.SignInAsync("push-kill-regulator", "Regulator", regulator: regulatorId);
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        var endpoint = (await regulator.PostAsync("/api/regulator/webhooks", new { url = new Uri(receiver.Url, "hooks").ToString() })).Expect(HttpStatusCode.Created).Json;
        receiver.Trust(endpoint["secret"]!.GetValue<string>());
        var regulatorLiaison = _system.Service("RegulatorLiaison");

        var digestId = await DeliverDigestAsync(api, regulatorId, "PUSH-KILL", "A position pushed twice");

        Assert.Equal(137, await regulatorLiaison.ExitCodeWithinAsync(Bound));
        Assert.Contains("FaultInjection: killing the process after push", regulatorLiaison.LogTail(int.MaxValue));
        var first = Assert.Single(receiver.Received);
        regulatorLiaison.Restart(new Dictionary<string, string?> { [KillAfterPushAttempts] = null });
        await regulatorLiaison.WaitUntilReadyAsync(Bound);

        // The killed attempt's claim lapses (the attempt timeout and a margin), then the push is made again.
        await Eventually.True(() => receiver.Received.Count >= 2, "the push attempted again after the restart", Bound);
        var pushes = await regulator.EventuallyAsync(() => regulator.GetAsync($"/api/digests/{digestId}/pushes"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().SingleOrDefault()?["state"]?.GetValue<string>() == "Succeeded", "the push recorded as succeeded");
        var received = receiver.Received;
        output.WriteLine(string.Join("\n", received.Select((r, i) => $"receiver: attempt {i + 1} at {r.ReceivedAt:HH:mm:ss.fff}, webhook-id {r.WebhookId}, verified {r.Verified}")));
        Assert.Equal(2, received.Count);
        Assert.Equal(first.WebhookId, received[1].WebhookId);
        Assert.Equal(first.Body, received[1].Body);
        Assert.All(received, r => Assert.True(r.Verified));
        var push = pushes.Json.AsArray().Single()!;
        Assert.Equal(first.WebhookId, push["webhookId"]!.GetValue<string>());
        Assert.Equal([200], push["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));

        await Eventually.True(() => Ledgered("DigestPushed") == 1, "DigestPushed in the ledger", Bound);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Ledgered("DigestPushed"));
        Assert.Equal(0, Ledgered("DigestPushExhausted"));
    }

    private long Ledgered(string eventType) =>
        new SystemLedger(_system.DatabaseFiles).Count("audit", $"SELECT COUNT(*) FROM LedgerEntries WHERE EventType = '{eventType}'");
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Webhooks;
using Xunit.Abstractions;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.EndToEnd.Tests.Webhooks;

/// <summary>
/// A regulator registers its endpoint through the gateway, and a real receiving server, checking every signature with the
/// Standard Webhooks library, fails the first attempts, asks for a pause with 429 and Retry-After, then accepts. The
/// schedule here is a second per span (RunningSystem), so the receiver's own clock shows the Retry-After honoured.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class DigestPushFlowTests(RunningSystem system, ITestOutputHelper output)
{
    private readonly ApiClient _api = system.Client();

    [Fact]
    public async Task A_delivered_digest_is_pushed_signed_retried_through_failures_and_a_429_and_recorded_once_as_pushed()
    {
        var liaison = await _api.SignInAsync("push-liaison", "LiaisonOfficer");
        var auditor = await _api.SignInAsync("push-auditor", "Auditor");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Push regulator");
        var otherRegulatorId = await RegisterRegulatorAsync(liaison, "Bystander regulator");
        var regulator = await _api.SignInAsync("push-regulator", "Regulator", regulator: regulatorId);
        var bystander = await _api.SignInAsync("push-bystander", "Regulator", regulator: otherRegulatorId);
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        receiver.AnswerNext(WebhookAnswer.Status(500), WebhookAnswer.Status(503), WebhookAnswer.WithRetryAfter(429, "3"), WebhookAnswer.Ok);
        var endpoint = (await regulator.PostAsync("/api/regulator/webhooks", new { url = new Uri(receiver.Url, "hooks").ToString() })).Expect(HttpStatusCode.Created).Json;
        receiver.Trust(endpoint["secret"]!.GetValue<string>());

        var digestId = await DeliverDigestAsync(_api, regulatorId, "PUSH-FLOW", "Pushed position");

        await Eventually.True(() => receiver.Received.Count >= 4, "four attempts at the receiver", TimeSpan.FromSeconds(60));
        var received = receiver.Received;
        foreach (var (request, i) in received.Select((r, i) => (r, i)))
            output.WriteLine($"attempt {i + 1}: received {request.ReceivedAt:HH:mm:ss.fff}, webhook-timestamp {request.Timestamp}, verified {request.Verified}");
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.True(r.Verified, string.Join("; ", r.VerificationErrors)));
        Assert.Single(received.Select(r => r.WebhookId).Distinct());
        Assert.Single(received.Select(r => Convert.ToHexString(r.Body)).Distinct());
        Assert.All(received, r => Assert.Equal(("POST", "application/json"), (r.Method, r.ContentType)));
        Assert.True(received[3].ReceivedAt - received[2].ReceivedAt >= TimeSpan.FromSeconds(3), "the attempt after the 429 came before its Retry-After");

        var payload = JsonNode.Parse(Encoding.UTF8.GetString(received[0].Body))!;
        var digest = (await regulator.GetAsync($"/api/digests/{digestId}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("digest.delivered", payload["type"]!.GetValue<string>());
        Assert.Equal(digestId, payload["data"]!["id"]!.GetValue<Guid>());
        Assert.Equal(digest["contentHash"]!.GetValue<string>(), payload["data"]!["contentHash"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(digest["positions"], payload["data"]!["positions"]));

        var pushes = await regulator.EventuallyAsync(() => regulator.GetAsync($"/api/digests/{digestId}/pushes"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().SingleOrDefault()?["state"]?.GetValue<string>() == "Succeeded", "the push recorded as succeeded");
        var push = pushes.Json.AsArray().Single()!;
        Assert.Equal(endpoint["id"]!.GetValue<Guid>(), push["endpointId"]!.GetValue<Guid>());
        Assert.Equal(received[0].WebhookId, push["webhookId"]!.GetValue<string>());
        Assert.Equal([500, 503, 429, 200], push["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal([1, 2, 3, 4], push["attempts"]!.AsArray().Select(a => a!["number"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync($"/api/digests/{digestId}/pushes")).Status);

        var consultationId = digest["consultationId"]!.GetValue<Guid>();
        var timeline = await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{consultationId}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == "DigestPushed"), "DigestPushed in the ledger");
        var pushed = timeline.Json.AsArray().Single(e => e!["eventType"]!.GetValue<string>() == "DigestPushed")!;
        Assert.Equal(4, pushed["data"]!["attempts"]!.GetValue<int>());
        Assert.Equal(received[0].WebhookId, pushed["data"]!["webhookId"]!.GetValue<string>());
        Assert.Equal("RegulatorLiaison", pushed["service"]!.GetValue<string>());
    }
}

using System.Net;
using System.Text;
using PolicyEngage.RegulatorLiaison.Webhooks;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

/// <summary>
/// One attempt at a time through the client as the service registers it, in Production unless said otherwise, to real
/// receivers on loopback that verify with the StandardWebhooks package. Production allows 127.0.0.2 only where a test
/// configures it (as an operator's <c>Webhooks:AllowedNetworks</c> would); 127.0.0.1 stays blocked there.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly IPAddress Allowed = IPAddress.Parse("127.0.0.2");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"digest.delivered","timestamp":"2026-05-04T10:00:00Z","data":{"title":"Marchés 市场"}}""");

    [Fact]
    public async Task A_push_carries_the_Standard_Webhooks_headers_and_a_signature_per_secret_that_the_library_verifies()
    {
        string current = WebhookSecret.Generate(), rotatedOut = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(Allowed, current, rotatedOut);
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_0196f2a1", Body, [current, rotatedOut]);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Null(outcome.Error);
        var received = Assert.Single(receiver.Received);
        Assert.Equal("POST", received.Method);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("wh_0196f2a1", received.WebhookId);
        Assert.Equal(outcome.At.ToUnixTimeSeconds().ToString(), received.Timestamp);
        Assert.Equal(Body, received.Body);
        Assert.Equal(2, received.Signature!.Split(' ').Length);
        Assert.Equal([current, rotatedOut], received.VerifiedBy);
    }

    [Fact]
    public async Task A_receiver_holding_another_secret_finds_no_matching_signature()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Allowed, WebhookSecret.Generate());
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_1", Body, [WebhookSecret.Generate()]);

        Assert.True(outcome.Succeeded);
        var received = Assert.Single(receiver.Received);
        Assert.False(received.Verified);
        Assert.Equal(["No matching signature found"], received.VerificationErrors);
    }

    [Theory]
    [InlineData("https")]
    [InlineData("http")]
    public async Task A_name_that_resolves_to_loopback_is_refused_before_any_connection(string scheme)
    {
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        using var transport = WebhookTransport.In("Production");

        var outcome = await transport.Sender.SendAsync(new Uri($"{scheme}://localhost:{receiver.Port}/"), "wh_2", Body, [WebhookSecret.Generate()]);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.StatusCode);
        Assert.StartsWith("Webhook host localhost was not contacted: ", outcome.Error);
        Assert.Contains("127.0.0.1 is a loopback address", outcome.Error);
        Assert.Equal(0, receiver.Connections);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/", "127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/", "::ffff:127.0.0.1")]
    [InlineData("http://2130706433:{0}/", "127.0.0.1")]
    [InlineData("http://0x7f.1:{0}/", "127.0.0.1")]
    public async Task A_literal_loopback_address_in_any_spelling_is_refused_before_any_connection(string url, string address)
    {
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(new Uri(string.Format(url, receiver.Port)), "wh_3", Body, [WebhookSecret.Generate()]);

        Assert.Null(outcome.StatusCode);
        Assert.Contains($"{address} is a loopback address", outcome.Error);
        Assert.Equal(0, receiver.Connections);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_never_followed()
    {
        await using var inside = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        await using var receiver = await WebhookReceiver.StartAsync(Allowed);
        receiver.AnswerNext(WebhookAnswer.Redirect(inside.Url));
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_4", Body, [WebhookSecret.Generate()]);

        Assert.False(outcome.Succeeded);
        Assert.Equal(302, outcome.StatusCode);
        Assert.Equal($"Redirects are not followed: 302 to {inside.Url}.", outcome.Error);
        Assert.Single(receiver.Received);
        Assert.Equal(0, inside.Connections);
    }

    [Fact]
    public async Task Failures_are_answered_in_order_with_the_same_webhook_id_and_a_429_s_Retry_After()
    {
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(Allowed, secret);
        receiver.AnswerNext(WebhookAnswer.Status(500), WebhookAnswer.Status(500), WebhookAnswer.WithRetryAfter(429, "2"), WebhookAnswer.WithRetryAfter(503, "120"));
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcomes = new List<WebhookAttemptOutcome>();
        for (var attempt = 0; attempt < 5; attempt++)
            outcomes.Add(await transport.Sender.SendAsync(receiver.Url, "wh_5", Body, [secret]));

        Assert.Equal([500, 500, 429, 503, 200], outcomes.Select(o => o.StatusCode));
        Assert.Equal([null, null, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2), null], outcomes.Select(o => o.RetryAfter));
        Assert.Equal([false, false, false, false, true], outcomes.Select(o => o.Succeeded));
        Assert.All(outcomes.Take(4), o => Assert.Null(o.Error));
        Assert.All(receiver.Received, r => Assert.Equal(("wh_5", true), (r.WebhookId, r.Verified)));
        Assert.Equal(5, receiver.Received.Count);
    }

    [Fact]
    public async Task A_410_says_the_receiver_is_gone()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Allowed);
        receiver.AnswerNext(WebhookAnswer.Gone);
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_6", Body, [WebhookSecret.Generate()]);

        Assert.True(outcome.Gone);
        Assert.False(outcome.Succeeded);
        Assert.Equal(410, outcome.StatusCode);
    }

    [Fact]
    public async Task A_receiver_slower_than_Webhooks_Timeout_is_a_timed_out_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Allowed);
        receiver.AnswerNext(WebhookAnswer.OkAfter(TimeSpan.FromSeconds(30)));
        using var transport = WebhookTransport.ProductionAllowing127002(("Webhooks:Timeout", "00:00:00.300"));

        var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_7", Body, [WebhookSecret.Generate()]);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.StatusCode);
        Assert.Equal("No answer within 00:00:00.3000000 (Webhooks:Timeout).", outcome.Error);
        Assert.InRange(outcome.DurationMs, 250, 10_000);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Nobody_listening_is_a_connection_error_not_an_exception()
    {
        using var transport = WebhookTransport.ProductionAllowing127002();

        var outcome = await transport.Sender.SendAsync(new Uri($"http://127.0.0.2:{LoopbackPorts.Free()}/"), "wh_8", Body, [WebhookSecret.Generate()]);

        Assert.Null(outcome.StatusCode);
        Assert.StartsWith("ConnectionError: ", outcome.Error);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_name_resolution_error()
    {
        using var transport = WebhookTransport.In("Production");

        var outcome = await transport.Sender.SendAsync(new Uri("https://regulator.invalid/hooks"), "wh_9", Body, [WebhookSecret.Generate()]);

        Assert.Null(outcome.StatusCode);
        Assert.StartsWith("NameResolutionError: ", outcome.Error);
    }

    [Fact]
    public async Task In_Development_a_receiver_on_localhost_is_reached_for_the_local_walk()
    {
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback, secret);
        using var transport = WebhookTransport.In("Development");

        var outcome = await transport.Sender.SendAsync(new Uri($"http://localhost:{receiver.Port}/hooks"), "wh_10", Body, [secret]);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(Assert.Single(receiver.Received).Verified);
    }

    [Fact]
    public async Task The_caller_s_cancellation_is_thrown_not_recorded_as_an_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Allowed);
        receiver.AnswerNext(WebhookAnswer.OkAfter(TimeSpan.FromSeconds(30)));
        using var transport = WebhookTransport.ProductionAllowing127002();
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            transport.Sender.SendAsync(receiver.Url, "wh_11", Body, [WebhookSecret.Generate()], stopping.Token));
    }
}

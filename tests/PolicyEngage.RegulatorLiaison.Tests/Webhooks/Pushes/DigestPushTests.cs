using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks.Pushes;

public sealed class DigestPushTests
{
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
    private static readonly DateTime Now = Sample.Now.AddDays(2);

    private readonly Digest _digest = Sample.DeliveredDigest(Sample.ClosedConsultation());


    private DigestPush PushTo(WebhookEndpoint endpoint) => Assert.Single(DigestPush.For(_digest, [endpoint], Now));

    private WebhookEndpoint Endpoint() => WebhookEndpoint.Register(_digest.RegulatorId, "https://regulator.example/hooks", Now);

    private static WebhookAttemptOutcome Answer(int? status, DateTime at, TimeSpan? retryAfter = null, string? error = null) =>
        new(new DateTimeOffset(at), status, error ?? (status is null ? "ConnectionError: refused" : null), 42, retryAfter);

    [Fact]
    public void A_delivered_digest_gets_one_pending_push_per_active_endpoint_of_its_own_regulator_each_with_its_own_webhook_id()
    {
        var first = Endpoint();
        var second = Endpoint();
        var deleted = Endpoint();
        deleted.Delete(Now);
        var gone = Endpoint();
        gone.Disable(Now);
        var otherRegulators = WebhookEndpoint.Register(Guid.CreateVersion7(), "https://other.example/hooks", Now);

        var pushes = DigestPush.For(_digest, [first, second, deleted, gone, otherRegulators], Now).ToList();

        Assert.Equal([first.Id, second.Id], pushes.Select(p => p.EndpointId));
        Assert.All(pushes, p => Assert.Equal((PushState.Pending, Now, _digest.DeliveredEventId!.Value), (p.State, p.NextAttemptAt, p.DeliveredEventId)));
        Assert.Equal(2, pushes.Select(p => p.WebhookId).Distinct().Count());
        Assert.All(pushes, p => Assert.Matches("^msg_[0-9a-f]{32}$", p.WebhookId));
    }

    [Fact]
    public void The_body_is_composed_once_at_the_first_attempt_and_sent_unchanged_after()
    {
        var push = PushTo(Endpoint());

        var first = push.BodyFor(_digest, Now);
        var later = push.BodyFor(_digest, Now.AddHours(3));

        Assert.Equal(first, later);
        var payload = JsonDocument.Parse(first).RootElement;
        Assert.Equal("digest.delivered", payload.GetProperty("type").GetString());
        Assert.Equal(Now, payload.GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(_digest.Id, payload.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(_digest.ContentHash, payload.GetProperty("data").GetProperty("contentHash").GetString());
        Assert.Equal("Delivered", payload.GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public void Each_failure_waits_the_next_span_of_the_schedule_and_the_last_one_exhausts_the_push()
    {
        var push = PushTo(Endpoint());
        var at = Now;
        foreach (var span in Schedule)
        {
            Assert.False(push.Record(Answer(500, at), Schedule, at));
            Assert.Equal((PushState.Pending, at + span), (push.State, push.NextAttemptAt));
            at += span;
        }

        push.Record(Answer(null, at), Schedule, at);

        Assert.Equal(PushState.Exhausted, push.State);
        Assert.Equal([1, 2, 3, 4], push.Attempts.Select(a => a.Number));
        Assert.Equal([500, 500, 500, null], push.Attempts.Select(a => a.StatusCode));
        var exhausted = Assert.IsType<DigestPushExhausted>(Assert.Single(push.RaisedEvents()));
        Assert.Equal((_digest.Id, push.EndpointId, push.WebhookId, 4), (exhausted.DigestId, exhausted.EndpointId, exhausted.WebhookId, exhausted.Attempts));
        Assert.Equal(_digest.DeliveredEventId, exhausted.CausationId);
        Assert.Throws<InvalidOperationException>(() => push.Record(Answer(200, at), Schedule, at));
    }

    [Fact]
    public void A_retry_after_replaces_the_next_span()
    {
        var push = PushTo(Endpoint());

        push.Record(Answer(429, Now, retryAfter: TimeSpan.FromSeconds(90)), Schedule, Now);

        Assert.Equal(Now.AddSeconds(90), push.NextAttemptAt);
        push.Record(Answer(503, Now, retryAfter: null), Schedule, Now);
        Assert.Equal(Now + Schedule[1], push.NextAttemptAt);
    }

    [Fact]
    public void A_2xx_succeeds_once_with_the_number_of_attempts_it_took_and_releases_the_claim()
    {
        var push = PushTo(Endpoint());
        push.Record(Answer(500, Now), Schedule, Now);

        push.Record(Answer(204, Now.AddSeconds(5)), Schedule, Now.AddSeconds(5));

        Assert.Equal(PushState.Succeeded, push.State);
        Assert.Null(push.ClaimToken);
        var pushed = Assert.IsType<DigestPushed>(Assert.Single(push.RaisedEvents()));
        Assert.Equal((_digest.ConsultationId, _digest.RegulatorId, push.WebhookId, 2), (pushed.ConsultationId, pushed.RegulatorId, pushed.WebhookId, pushed.Attempts));
        Assert.Equal("system", pushed.Actor);
    }

    [Fact]
    public void A_redirect_is_a_failure_like_any_other()
    {
        var push = PushTo(Endpoint());

        push.Record(Answer(302, Now, error: "Redirects are not followed: 302 to http://127.0.0.1/"), Schedule, Now);

        Assert.Equal(PushState.Pending, push.State);
        Assert.Empty(push.RaisedEvents());
    }

    [Fact]
    public void A_410_disables_the_push_and_asks_for_the_endpoint_to_be_disabled()
    {
        var push = PushTo(Endpoint());

        Assert.True(push.Record(Answer(410, Now), Schedule, Now));

        Assert.Equal(PushState.Disabled, push.State);
        var exhausted = Assert.IsType<DigestPushExhausted>(Assert.Single(push.RaisedEvents()));
        Assert.Contains("410", exhausted.Reason);
        push.Disable("again", Now);
        Assert.Single(push.RaisedEvents());
    }

    [Fact]
    public void A_rotated_out_secret_signs_after_the_new_one_until_the_overlap_ends()
    {
        var endpoint = Endpoint();
        var original = endpoint.Secret;

        endpoint.Rotate(Now, TimeSpan.FromHours(24));

        Assert.NotEqual(original, endpoint.Secret);
        Assert.Equal([endpoint.Secret, original], endpoint.SigningSecrets(Now.AddHours(23)));
        Assert.Equal([endpoint.Secret], endpoint.SigningSecrets(Now.AddHours(24)));
    }
}

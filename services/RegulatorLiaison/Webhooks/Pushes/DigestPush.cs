using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

/// <summary>
/// One delivered digest on its way to one endpoint of its regulator: attempted until a 2xx, the schedule's end, or the
/// endpoint's end. Its <see cref="WebhookId"/> and, from the first attempt on, its <see cref="Body"/> never change, so a
/// receiver can tell a repeat from a new push.
/// </summary>
public sealed class DigestPush : AggregateRoot
{
    public const int WebhookIdLength = 40;
    public const int ErrorLength = 1000;

    private readonly List<DigestPushAttempt> _attempts = [];

    private DigestPush() { }

    public Guid Id { get; private set; }
    public Guid DigestId { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid RegulatorId { get; private set; }
    public Guid EndpointId { get; private set; }
    public string WebhookId { get; private set; } = "";
    public PushState State { get; private set; }

    /// <summary>The <c>digest.delivered</c> payload, exactly as signed: composed at the first attempt, then resent as is.</summary>
    public string? Body { get; private set; }
    public DateTime ScheduledAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Held by one dispatcher until then (a conditional update, as the outbox claims rows); the token is its name.</summary>
    public DateTime? ClaimedUntil { get; private set; }
    public Guid? ClaimToken { get; private set; }

    /// <summary>The <c>DigestDelivered</c> event, which the push's own events name as their cause.</summary>
    public Guid DeliveredEventId { get; private set; }

    /// <summary>
    /// The trace that scheduled the push (the delivery's). An attempt, perhaps hours later, starts a trace of its own that
    /// links to it, rather than stretching the delivery's trace over the whole retry schedule.
    /// </summary>
    public string? ScheduledByTrace { get; private set; }

    public IReadOnlyList<DigestPushAttempt> Attempts => _attempts;

    /// <summary>One push per active endpoint of the digest's regulator, due at once.</summary>
    public static IEnumerable<DigestPush> For(Digest digest, IEnumerable<WebhookEndpoint> endpoints, DateTime now) =>
        endpoints.Where(e => e.IsActive && e.RegulatorId == digest.RegulatorId).Select(endpoint =>
        {
            var id = Guid.CreateVersion7();
            return new DigestPush
            {
                Id = id,
                DigestId = digest.Id,
                ConsultationId = digest.ConsultationId,
                RegulatorId = digest.RegulatorId,
                EndpointId = endpoint.Id,
                WebhookId = $"msg_{id:N}",
                State = PushState.Pending,
                ScheduledAt = now,
                NextAttemptAt = now,
                DeliveredEventId = digest.DeliveredEventId ?? throw new InvalidOperationException($"Digest {digest.Id} has not been delivered."),
                ScheduledByTrace = Activity.Current?.Id,
            };
        });

    /// <summary>The bytes to send: composed from the digest as <c>GET</c> returns it on the first attempt, kept after.</summary>
    public byte[] BodyFor(Digest digest, DateTime now)
    {
        Body ??= JsonSerializer.Serialize(new DigestDeliveredPayload("digest.delivered", now, DigestResponse.Of(digest)), JsonDefaults.Options);
        return Encoding.UTF8.GetBytes(Body);
    }

    /// <summary>
    /// Records one attempt. A 2xx succeeds; a failure waits the schedule's next span (or a 429's or 503's
    /// <c>Retry-After</c>) and, past the last span, exhausts the push. Returns whether the receiver answered 410 Gone,
    /// which disables the endpoint (<see cref="Disable"/>).
    /// </summary>
    public bool Record(WebhookAttemptOutcome outcome, IReadOnlyList<TimeSpan> retrySpans, DateTime now)
    {
        if (State != PushState.Pending) throw new InvalidOperationException($"Push {Id} is {State}: it takes no more attempts.");
        var number = _attempts.Count + 1;
        var error = outcome.Error is { Length: > ErrorLength } longer ? longer[..ErrorLength] : outcome.Error;
        _attempts.Add(new DigestPushAttempt(number, outcome.At.UtcDateTime, outcome.StatusCode, error, outcome.DurationMs));
        Release();

        if (outcome.Succeeded)
        {
            State = PushState.Succeeded;
            Raise(new DigestPushed(ConsultationId, RegulatorId, DigestId, EndpointId, WebhookId, number) { EventId = Guid.CreateVersion7(), OccurredAt = now, Actor = "system", CausationId = DeliveredEventId });
            return false;
        }
        if (outcome.StatusCode == StatusCodes.Status410Gone)
        {
            Disable(WebhookEndpoint.GoneReason, now);
            return true;
        }
        if (number > retrySpans.Count)
        {
            State = PushState.Exhausted;
            RaiseExhausted($"No 2xx after {number} attempts: the retry schedule ran out.", now);
            return false;
        }
        NextAttemptAt = now + (outcome.RetryAfter ?? retrySpans[number - 1]);
        return false;
    }

    /// <summary>The endpoint is gone (410) or deleted: nothing more is attempted.</summary>
    public void Disable(string reason, DateTime now)
    {
        if (State != PushState.Pending) return;
        State = PushState.Disabled;
        Release();
        RaiseExhausted(reason, now);
    }

    private void Release()
    {
        ClaimedUntil = null;
        ClaimToken = null;
    }

    private void RaiseExhausted(string reason, DateTime now) =>
        Raise(new DigestPushExhausted(ConsultationId, RegulatorId, DigestId, EndpointId, WebhookId, _attempts.Count, reason)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = "system",
            CausationId = DeliveredEventId,
        });
}

public enum PushState
{
    Pending,
    Succeeded,
    Exhausted,
    Disabled,
}

/// <summary>One try, as the pushes route shows it: when, what the receiver answered or why it could not, and how long it took.</summary>
public sealed record DigestPushAttempt(int Number, DateTime At, int? StatusCode, string? Error, long DurationMs);

/// <summary>The Standard Webhooks payload: an event type, when the push was composed, and the digest as <c>GET</c> returns it.</summary>
public sealed record DigestDeliveredPayload(string Type, DateTime Timestamp, DigestResponse Data);

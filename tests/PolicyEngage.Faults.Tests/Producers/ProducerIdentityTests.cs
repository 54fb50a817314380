using System.Net;
using PolicyEngage.Contracts;
using PolicyEngage.Faults.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Producers;

/// <summary>
/// The ledger takes an event's producer from the AMQP user_id the broker vouches for, never from what the producer
/// writes about itself, and parks what its producer may not publish. On the running system, through real RabbitMQ.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ProducerIdentityTests(RunningSystem system)
{
    private const string LedgerErrorQueue = "audit-ledger-sequencer_error";

    [Fact]
    public async Task An_event_is_recorded_under_the_broker_user_that_published_it_whatever_its_headers_claim_and_one_its_producer_does_not_own_is_parked()
    {
        var queues = new VirtualHostQueues(system.Broker.VirtualHost);
        var auditor = await system.Client().SignInAsync("auditor-producers", "Auditor");
        var consultationId = Guid.CreateVersion7();
        var regulatorId = Guid.CreateVersion7();

        // RegulatorLiaison's own user, with the header a producer once named itself by, claiming to be Submissions.
        var genuine = Guid.CreateVersion7();
        await queues.PublishEventAsync("PolicyEngage.Contracts:ConsultationOpened", genuine.ToString(), Opened(genuine, consultationId, regulatorId),
            new Dictionary<string, object?> { ["PolicyEngage-Service"] = "Submissions" }, userId: "RegulatorLiaison", user: "RegulatorLiaison");
        // What a broker set up wrongly would let through: Submissions closing a consultation, and an event from nobody.
        var forged = Guid.CreateVersion7();
        await queues.PublishEventAsync("PolicyEngage.Contracts:ConsultationClosed", forged.ToString(), Closed(forged, consultationId, regulatorId, genuine),
            new Dictionary<string, object?>(), userId: "Submissions", user: TestBroker.Operator);
        var anonymous = Guid.CreateVersion7();
        await queues.PublishEventAsync("PolicyEngage.Contracts:ConsultationClosed", anonymous.ToString(), Closed(anonymous, consultationId, regulatorId, genuine),
            new Dictionary<string, object?>(), userId: null, user: TestBroker.Operator);

        var parked = await Waiting.UntilAsync(() => queues.PeekAsync(LedgerErrorQueue),
            messages => messages.Count(m => m.MessageId == forged.ToString() || m.MessageId == anonymous.ToString()) == 2,
            $"the forged and the anonymous events in {LedgerErrorQueue}");
        Assert.Equal("Submissions", parked.Single(m => m.MessageId == forged.ToString()).Header("PolicyEngage-Producer"));
        Assert.Null(parked.Single(m => m.MessageId == anonymous.ToString()).Header("PolicyEngage-Producer"));
        Assert.All(parked, m => Assert.Equal("PolicyEngage.Audit.Ledger.ProducerRefusedException", m.Header("MT-Fault-ExceptionType")));
        Assert.All(parked, m => Assert.Null(m.Header("MT-Fault-RetryCount")));

        var timeline = await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{consultationId}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Count > 0, "the genuine opening in the ledger");
        var entry = Assert.Single(timeline.Json.AsArray());
        Assert.Equal(genuine, entry!["eventId"]!.GetValue<Guid>());
        Assert.Equal("RegulatorLiaison", entry["service"]!.GetValue<string>());
    }

    private static byte[] Opened(Guid eventId, Guid consultationId, Guid regulatorId) =>
        MassTransitEnvelope.Of<ConsultationOpened>(eventId, new
        {
            eventId,
            occurredAt = DateTime.UtcNow,
            actor = "liaison-producers",
            consultationId,
            regulatorId,
            reference = $"PRODUCERS-{eventId:N}",
            title = "Who speaks for whom",
            summary = "Published by hand.",
            closesAt = DateTime.UtcNow.AddDays(30),
        });

    private static byte[] Closed(Guid eventId, Guid consultationId, Guid regulatorId, Guid opened) =>
        MassTransitEnvelope.Of<ConsultationClosed>(eventId, new
        {
            eventId,
            occurredAt = DateTime.UtcNow,
            actor = "someone",
            causationId = opened,
            consultationId,
            regulatorId,
            reason = nameof(ConsultationCloseReason.ClosedByOfficer),
        });
}

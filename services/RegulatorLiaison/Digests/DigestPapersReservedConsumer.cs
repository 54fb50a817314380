using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Digests;

[InboxName("digest-papers-reserved")]
public sealed class DigestPapersReservedConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<DigestPapersReserved>(db, clock)
{
    protected override async Task Apply(DigestPapersReserved message, CancellationToken cancellationToken)
    {
        var digest = await db.Digests.FindAsync([message.DigestId], cancellationToken)
            ?? throw new InvalidOperationException($"Digest {message.DigestId} was reserved but is not held here.");
        var wasDelivering = digest.Status == DigestStatus.Delivering;
        digest.ApplyReservation(message, UtcNow);
        if (wasDelivering && digest.Status == DigestStatus.Delivered) await DigestPushes.ScheduleAsync(db, digest, UtcNow, cancellationToken);
    }
}

using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Digests;

[InboxName("digest-delivery-refused")]
public sealed class DigestDeliveryRefusedConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<DigestDeliveryRefused>(db, clock)
{
    protected override async Task Apply(DigestDeliveryRefused message, CancellationToken cancellationToken)
    {
        var digest = await db.Digests.FindAsync([message.DigestId], cancellationToken)
            ?? throw new InvalidOperationException($"Digest {message.DigestId} was refused but is not held here.");
        digest.ApplyRefusal(message);
    }
}

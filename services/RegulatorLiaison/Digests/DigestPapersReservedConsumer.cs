using Microsoft.Extensions.Options;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Digests;

[InboxName("digest-papers-reserved")]
public sealed class DigestPapersReservedConsumer(
    RegulatorLiaisonDbContext db,
    TimeProvider clock,
    IOptions<MailOptions> mail,
    IOptions<PortalLinks> portal)
    : InboxConsumer<DigestPapersReserved>(db, clock)
{
    protected override async Task Apply(DigestPapersReserved message, CancellationToken cancellationToken)
    {
        var digest = await db.Digests.FindAsync([message.DigestId], cancellationToken)
            ?? throw new InvalidOperationException($"Digest {message.DigestId} was reserved but is not held here.");
        var wasDelivering = digest.Status == DigestStatus.Delivering;
        digest.ApplyReservation(message, UtcNow);
        if (!wasDelivering || digest.Status != DigestStatus.Delivered) return;

        // What the delivery sets off goes in its transaction: the pushes to the regulator's endpoints, and the mail to its desk.
        await DigestPushes.ScheduleAsync(db, digest, UtcNow, cancellationToken);
        var consultation = await db.Consultations.FindAsync([digest.ConsultationId], cancellationToken)
            ?? throw new InvalidOperationException($"Digest {digest.Id}'s consultation is not held here.");
        var regulator = await db.Regulators.FindAsync([digest.RegulatorId], cancellationToken)
            ?? throw new InvalidOperationException($"Digest {digest.Id}'s regulator is not held here.");
        if (DeliveryMail.For(digest, consultation, regulator, mail.Value, portal.Value, UtcNow) is { } deliveryMail) db.OutgoingMails.Add(deliveryMail);
    }
}

using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Consultations;

[InboxName("consultation-opened")]
public sealed class ConsultationOpenedConsumer(SubmissionsDbContext db, TimeProvider clock)
    : InboxConsumer<ConsultationOpened>(db, clock)
{
    protected override async Task Apply(ConsultationOpened message, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FindAsync([message.ConsultationId], cancellationToken);
        if (consultation is null) db.Consultations.Add(ConsultationReplica.Opened(message));
        else consultation.ApplyOpened(message);
    }
}

using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Consultations;

[InboxName("consultation-closed")]
public sealed class ConsultationClosedConsumer(SubmissionsDbContext db, TimeProvider clock)
    : InboxConsumer<ConsultationClosed>(db, clock)
{
    protected override async Task Apply(ConsultationClosed message, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FindAsync([message.ConsultationId], cancellationToken);
        if (consultation is null) db.Consultations.Add(ConsultationReplica.ClosedBeforeOpened(message));
        else consultation.Close();
    }
}

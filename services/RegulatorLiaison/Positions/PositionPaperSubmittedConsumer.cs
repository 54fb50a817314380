using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Positions;

[InboxName("position-paper-submitted")]
public sealed class PositionPaperSubmittedConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<PositionPaperSubmitted>(db, clock)
{
    protected override async Task Apply(PositionPaperSubmitted message, CancellationToken cancellationToken)
    {
        var paper = await db.TrackedPapers.FindOrTrackAsync(message.PaperId, message.ConsultationId, cancellationToken);
        paper.RecordSubmission(message);
    }
}

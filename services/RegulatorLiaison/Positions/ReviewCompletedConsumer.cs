using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Positions;

[InboxName("review-completed")]
public sealed class ReviewCompletedConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<ReviewCompleted>(db, clock)
{
    protected override async Task Apply(ReviewCompleted message, CancellationToken cancellationToken)
    {
        var paper = await db.TrackedPapers.FindOrTrackAsync(message.PaperId, message.ConsultationId, cancellationToken);
        paper.RecordReview(message);
    }
}

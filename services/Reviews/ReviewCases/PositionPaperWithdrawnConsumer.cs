using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.Reviews.ReviewCases;

[InboxName("position-paper-withdrawn")]
public sealed class PositionPaperWithdrawnConsumer(ReviewsDbContext db, TimeProvider clock)
    : InboxConsumer<PositionPaperWithdrawn>(db, clock)
{
    protected override async Task Apply(PositionPaperWithdrawn message, CancellationToken cancellationToken)
    {
        var paper = await db.ReviewedPapers.FindOrTrackAsync(message.PaperId, cancellationToken);
        paper.RecordWithdrawal(message);

        var openCases = await db.ReviewCases
            .Where(c => c.PaperId == message.PaperId && c.PaperVersion <= message.Version && c.Status == ReviewCaseStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var reviewCase in openCases) reviewCase.MarkWithdrawn();
    }
}

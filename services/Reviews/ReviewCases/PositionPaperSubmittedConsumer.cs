using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.Reviews.ReviewCases;

[InboxName("position-paper-submitted")]
public sealed class PositionPaperSubmittedConsumer(ReviewsDbContext db, TimeProvider clock, ILogger<PositionPaperSubmittedConsumer> logger)
    : InboxConsumer<PositionPaperSubmitted>(db, clock)
{
    protected override async Task Apply(PositionPaperSubmitted message, CancellationToken cancellationToken)
    {
        // The inbox absorbs a redelivery of the same message; this absorbs the same version announced twice.
        if (await db.ReviewCases.AnyAsync(c => c.PaperId == message.PaperId && c.PaperVersion == message.Version, cancellationToken))
        {
            logger.LogInformation(
                "Paper {PaperId} version {Version} already has a review case; submission {EventId} ignored",
                message.PaperId, message.Version, message.EventId);
            return;
        }

        var paper = await db.ReviewedPapers.FindOrTrackAsync(message.PaperId, cancellationToken);
        paper.RecordSubmission();
        var reviewCase = ReviewCase.Open(message, UtcNow);
        if (paper.HasWithdrawn(message.Version)) reviewCase.MarkWithdrawn();
        db.ReviewCases.Add(reviewCase);
    }
}

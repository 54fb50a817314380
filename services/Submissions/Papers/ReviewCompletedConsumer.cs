using Microsoft.Extensions.Options;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Papers;

[InboxName("review-completed")]
public sealed class ReviewCompletedConsumer(
    SubmissionsDbContext db,
    TimeProvider clock,
    IOptions<MailOptions> mail,
    IOptions<PortalLinks> portal,
    ILogger<ReviewCompletedConsumer> logger)
    : InboxConsumer<ReviewCompleted>(db, clock)
{
    protected override async Task Apply(ReviewCompleted message, CancellationToken cancellationToken)
    {
        var paper = await db.Papers.FindAsync([message.PaperId], cancellationToken);
        if (paper is null)
        {
            logger.LogWarning("Review {EventId} names paper {PaperId}, which this service does not hold", message.EventId, message.PaperId);
            return;
        }
        if (!paper.RecordReview(message, UtcNow))
        {
            if (paper.Status == PaperStatus.Withdrawn)
                logger.LogInformation("Review {EventId} of paper {PaperId} crossed its withdrawal; nothing recorded", message.EventId, message.PaperId);
            return;
        }
        // Queued with the decision, in the inbox's transaction: the author is told once the decision is recorded, never before.
        if (DecisionMail.For(paper, message, mail.Value, portal.Value, UtcNow) is { } decisionMail) db.OutgoingMails.Add(decisionMail);
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Papers;

/// <summary>Once a regulator holds a paper, its author can no longer withdraw it.</summary>
[InboxName("digest-delivered")]
public sealed class DigestDeliveredConsumer(SubmissionsDbContext db, TimeProvider clock)
    : InboxConsumer<DigestDelivered>(db, clock)
{
    protected override async Task Apply(DigestDelivered message, CancellationToken cancellationToken)
    {
        var paperIds = message.Papers.Select(p => p.PaperId).ToList();
        var papers = await db.Papers.Where(p => paperIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var now = UtcNow;
        foreach (var paper in papers) paper.MarkDeliveredToRegulator(now);
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Papers;

/// <summary>Reserves a digest's papers or refuses for the withdrawn ones, in one transaction with the answer.</summary>
[InboxName("digest-delivery-requested")]
public sealed class DigestDeliveryRequestedConsumer(SubmissionsDbContext db, TimeProvider clock)
    : InboxConsumer<DigestDeliveryRequested>(db, clock)
{
    protected override async Task Apply(DigestDeliveryRequested message, CancellationToken cancellationToken)
    {
        if (await db.DigestReservations.AnyAsync(r => r.DigestId == message.DigestId, cancellationToken)) return;

        var paperIds = message.Papers.Select(p => p.PaperId).ToList();
        var papers = await db.Papers.Where(p => paperIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var answer = DigestReservation.Answer(message, papers, UtcNow)
            // Thrown so that the broker redelivers it later (the retry schedule), by when the approval has arrived.
            ?? throw new InvalidOperationException($"Digest {message.DigestId} carries a version whose approval has not reached Submissions yet.");
        db.DigestReservations.Add(answer);
    }
}

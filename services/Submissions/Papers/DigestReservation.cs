using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Submissions.Papers;

/// <summary>
/// Submissions' one answer to a digest's delivery request, as the authority on withdrawal: every carried paper
/// reserved, or the withdrawn ones named. Kept per digest, so that the request is answered once, whatever its replays.
/// </summary>
public sealed class DigestReservation : AggregateRoot
{
    private DigestReservation() { }

    public Guid DigestId { get; private set; }
    public bool Reserved { get; private set; }
    public DateTime AnsweredAt { get; private set; }

    /// <summary>
    /// Answers the request from the papers as this service holds them, in the same transaction as the reservations.
    /// Null when a carried version's approval has not reached this service yet: the request must wait for it, since a
    /// refusal born of lag would be wrong.
    /// </summary>
    public static DigestReservation? Answer(DigestDeliveryRequested request, IReadOnlyCollection<Paper> papers, DateTime now)
    {
        var carried = request.Papers.Select(p => (Version: p, Paper: papers.SingleOrDefault(paper => paper.Id == p.PaperId))).ToList();
        var withdrawn = carried.Where(c => c.Paper?.IsReservable(c.Version.Version) == false).Select(c => c.Version).ToList();
        var answer = new DigestReservation { DigestId = request.DigestId, Reserved = withdrawn.Count == 0, AnsweredAt = now };
        if (withdrawn.Count > 0)
        {
            answer.Raise(new DigestDeliveryRefused(request.ConsultationId, request.DigestId, withdrawn)
            {
                EventId = Guid.CreateVersion7(),
                OccurredAt = now,
                Actor = "system",
                CausationId = request.EventId,
            });
            return answer;
        }
        if (carried.Any(c => c.Paper?.IsReservable(c.Version.Version) != true)) return null;

        foreach (var (_, paper) in carried) paper!.Reserve(request.DigestId, now);
        answer.Raise(new DigestPapersReserved(request.ConsultationId, request.DigestId, request.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = "system",
            CausationId = request.EventId,
        });
        return answer;
    }
}

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
        var carried = request.Papers
            .Select(version => (Version: version, Paper: papers.SingleOrDefault(paper => paper.Id == version.PaperId)))
            .Select(c => (c.Version, c.Paper, Reservable: c.Paper?.IsReservable(c.Version.Version)))
            .ToList();
        var withdrawn = carried.Where(c => c.Reservable == false).Select(c => c.Version).ToList();
        if (withdrawn.Count > 0)
        {
            var refusal = new DigestReservation { DigestId = request.DigestId, Reserved = false, AnsweredAt = now };
            refusal.Raise(new DigestDeliveryRefused(request.ConsultationId, request.DigestId, withdrawn)
            {
                EventId = Guid.CreateVersion7(),
                OccurredAt = now,
                Actor = "system",
                CausationId = request.EventId,
            });
            return refusal;
        }
        if (carried.Any(c => c.Reservable != true)) return null;

        foreach (var (_, paper, _) in carried) paper!.Reserve(request.DigestId, now);
        var reservation = new DigestReservation { DigestId = request.DigestId, Reserved = true, AnsweredAt = now };
        reservation.Raise(new DigestPapersReserved(request.ConsultationId, request.DigestId, request.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = "system",
            CausationId = request.EventId,
        });
        return reservation;
    }
}

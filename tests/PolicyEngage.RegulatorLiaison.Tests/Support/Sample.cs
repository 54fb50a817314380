using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>Regulators and consultations as the service's own types build them.</summary>
public static class Sample
{
    public static readonly DateTime Now = new(2026, 3, 2, 9, 30, 15, DateTimeKind.Utc);

    public static Regulator NewRegulator(string? contactEmail = null) => Regulator.Register("Data Protection Board", "EU", "officer-1", Now, contactEmail);

    public static Consultation OpenConsultation(Regulator? regulator = null) =>
        Consultation.Open(regulator ?? NewRegulator(), "DPB-2026-01", "Avatars and biometrics", "How should avatars use biometric data?",
            Now.AddDays(30), "officer-1", Now);

    public static Consultation ClosedConsultation(Regulator? regulator = null)
    {
        var consultation = OpenConsultation(regulator);
        consultation.Close("officer-1", ConsultationCloseReason.ClosedByOfficer, Now.AddDays(1));
        return consultation;
    }

    /// <summary>A digest of one approved acme paper, compiled and not yet delivered.</summary>
    public static Digest CompiledDigest(Consultation consultation)
    {
        var paper = new TrackedPaper(Guid.CreateVersion7(), consultation.Id);
        var submitted = PaperEvents.Submitted(consultation.Id, paper.PaperId, 1, "acme");
        paper.RecordSubmission(submitted);
        paper.RecordReview(ReviewEvents.Completed(submitted, ReviewOutcome.Approve));
        return Digest.Compile(consultation, [paper], "officer-1", Now.AddDays(2), ledgerCheckpoint: null, similarityThreshold: 0.8m);
    }

    /// <summary>Submissions' answer to the digest's request for delivery: every paper it carries reserved.</summary>
    public static DigestPapersReserved Reserved(Digest digest) =>
        new(digest.ConsultationId, digest.Id, digest.Papers.Select(p => new DigestPaperVersion(p.PaperId, p.Version, p.ContentHash)).ToList())
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Now.AddDays(2),
            Actor = "system",
            CausationId = digest.DeliveryRequestedEventId,
        };

    /// <summary>A digest of one approved acme paper, compiled, reserved by Submissions and so delivered.</summary>
    public static Digest DeliveredDigest(Consultation consultation)
    {
        var digest = CompiledDigest(consultation);
        var now = Now.AddDays(2);
        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", now);
        var versions = digest.Papers.Select(p => new DigestPaperVersion(p.PaperId, p.Version, p.ContentHash)).ToList();
        digest.ApplyReservation(new DigestPapersReserved(consultation.Id, digest.Id, versions) { EventId = Guid.CreateVersion7(), OccurredAt = now, Actor = "system" }, now);
        return digest;
    }
}

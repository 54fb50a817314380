using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>Entities and events as the other services would produce them.</summary>
public static class Sample
{
    public static readonly DateTime Now = new(2026, 3, 2, 9, 30, 15, DateTimeKind.Utc);

    public static Regulator NewRegulator() => Regulator.Register("Data Protection Board", "EU", "officer-1", Now);

    public static Consultation OpenConsultation(Regulator? regulator = null) =>
        Consultation.Open(regulator ?? NewRegulator(), "DPB-2026-01", "Avatars and biometrics", "How should avatars use biometric data?",
            Now.AddDays(30), "officer-1", Now);

    public static Consultation ClosedConsultation()
    {
        var consultation = OpenConsultation();
        consultation.Close("officer-1", ConsultationCloseReason.ClosedByOfficer, Now.AddDays(1));
        return consultation;
    }

    public static string ContentHashOf(string title, string summary, string body) => Sha256Hex.OfCanonicalJson(new { title, summary, body });

    public static PositionPaperSubmitted Submitted(Guid consultationId, Guid paperId, int version, string organisation, string? title = null)
    {
        title ??= $"{organisation} position, version {version}";
        var summary = $"Summary of {title}";
        var body = $"Body of {title}.";
        return new PositionPaperSubmitted(consultationId, paperId, version, ContentHashOf(title, summary, body), organisation, title, summary, body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Now,
            Actor = $"author@{organisation}",
        };
    }

    public static ReviewCompleted Reviewed(PositionPaperSubmitted submitted, ReviewOutcome outcome) => new(
        submitted.ConsultationId, submitted.PaperId, submitted.Version, submitted.ContentHash, Guid.CreateVersion7(), outcome, $"{outcome}: reasons.")
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = Now,
        Actor = "reviewer@other",
        CausationId = submitted.EventId,
    };

    public static PositionPaperWithdrawn Withdrawn(PositionPaperSubmitted submitted) =>
        new(submitted.ConsultationId, submitted.PaperId, submitted.Version, submitted.Organisation)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Now.AddHours(1),
            Actor = $"author@{submitted.Organisation}",
            CausationId = submitted.EventId,
        };
}

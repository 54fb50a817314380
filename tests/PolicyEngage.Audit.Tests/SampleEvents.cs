using PolicyEngage.Contracts;

namespace PolicyEngage.Audit.Tests;

/// <summary>Events as the services publish them, with fixed times so the stored JSON can be written out by hand.</summary>
internal static class SampleEvents
{
    public static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static RegulatorRegistered Registered(Guid regulatorId) =>
        new(regulatorId, "Ofcom", "UK") { EventId = Guid.CreateVersion7(), OccurredAt = Start, Actor = "liaison-1" };

    public static ConsultationOpened Opened(Guid consultationId, Guid regulatorId, Guid? causationId = null) =>
        new(consultationId, regulatorId, "MV-2026-01", "Metaverse user rights", "Call for positions", Start.AddDays(30))
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddMinutes(1),
            Actor = "liaison-1",
            CausationId = causationId,
        };

    public static ConsultationClosed Closed(Guid consultationId, Guid regulatorId) =>
        new(consultationId, regulatorId, ConsultationCloseReason.ClosedByOfficer)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddDays(2),
            Actor = "liaison-1",
        };

    public static PositionPaperSubmitted Submitted(Guid consultationId, Guid paperId, Guid? causationId, string body = "Our position, in full.") =>
        new(consultationId, paperId, 1, new string('a', 64), "acme", "Privacy by design", "Short summary", body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddHours(1),
            Actor = "author-1",
            CausationId = causationId,
        };

    public static PositionPaperWithdrawn Withdrawn(Guid consultationId, Guid paperId, Guid causationId) =>
        new(consultationId, paperId, 1, "acme")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddHours(5),
            Actor = "author-1",
            CausationId = causationId,
        };

    public static ReviewCompleted Reviewed(Guid consultationId, Guid paperId, Guid causationId, ReviewOutcome outcome = ReviewOutcome.Approve) =>
        new(consultationId, paperId, 1, new string('a', 64), Guid.CreateVersion7(), outcome, "Well argued.")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddHours(2),
            Actor = "reviewer-1",
            CausationId = causationId,
        };

    public static DigestCompiled Compiled(Guid consultationId, Guid regulatorId, Guid digestId, Guid causationId, params Guid[] paperIds) =>
        new(consultationId, regulatorId, digestId, new string('d', 64), paperIds.Select(id => new DigestPaperVersion(id, 1, new string('a', 64))).ToList())
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddDays(3),
            Actor = "liaison-1",
            CausationId = causationId,
        };

    public static DigestDelivered Delivered(DigestCompiled compiled) =>
        new(compiled.ConsultationId, compiled.RegulatorId, compiled.DigestId, compiled.ContentHash, compiled.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddDays(4),
            Actor = "liaison-1",
            CausationId = compiled.EventId,
        };

    public static DigestAcknowledged Acknowledged(DigestDelivered delivered) =>
        new(delivered.ConsultationId, delivered.RegulatorId, delivered.DigestId, delivered.ContentHash, Start.AddDays(5), "regulator-desk-1")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = Start.AddDays(5),
            Actor = "regulator-desk-1",
            CausationId = delivered.EventId,
        };
}

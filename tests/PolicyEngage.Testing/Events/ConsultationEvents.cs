using PolicyEngage.Contracts;

namespace PolicyEngage.Testing.Events;

/// <summary>The events RegulatorLiaison publishes about consultations, as a liaison officer causes them.</summary>
public static class ConsultationEvents
{
    public static ConsultationOpened Opened(
        Guid? consultationId = null,
        Guid? regulatorId = null,
        Guid? causationId = null,
        string reference = "MV-2026-01",
        DateTime? closesAt = null,
        DateTime? occurredAt = null) =>
        new(consultationId ?? Guid.CreateVersion7(), regulatorId ?? Guid.CreateVersion7(), reference, "Metaverse user rights", "Call for positions",
            closesAt ?? ConsultationStory.Start.AddDays(30))
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = occurredAt ?? ConsultationStory.Start.AddMinutes(1),
            Actor = "liaison-1",
            CausationId = causationId,
        };

    public static ConsultationClosed Closed(
        Guid consultationId, Guid regulatorId, ConsultationCloseReason reason = ConsultationCloseReason.ClosedByOfficer, Guid? causationId = null) =>
        new(consultationId, regulatorId, reason)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddDays(2),
            Actor = "liaison-1",
            CausationId = causationId,
        };
}

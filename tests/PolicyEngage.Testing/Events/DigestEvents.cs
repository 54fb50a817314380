using PolicyEngage.Contracts;

namespace PolicyEngage.Testing.Events;

/// <summary>The events RegulatorLiaison publishes about digests: compiled and delivered by the liaison office, acknowledged by a regulator's desk.</summary>
public static class DigestEvents
{
    public static readonly string ContentHash = new('d', 64);

    /// <summary>A digest carrying version 1 of each paper.</summary>
    public static DigestCompiled Compiled(Guid consultationId, Guid regulatorId, Guid digestId, Guid? causationId, params Guid[] paperIds) =>
        new(consultationId, regulatorId, digestId, ContentHash,
            paperIds.Select(id => new DigestPaperVersion(id, 1, ConsultationStory.ContentHash)).ToList())
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddDays(3),
            Actor = "liaison-1",
            CausationId = causationId,
        };

    public static DigestDelivered Delivered(DigestCompiled compiled) =>
        new(compiled.ConsultationId, compiled.RegulatorId, compiled.DigestId, compiled.ContentHash, compiled.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddDays(4),
            Actor = "liaison-1",
            CausationId = compiled.EventId,
        };

    public static DigestAcknowledged Acknowledged(DigestDelivered delivered) =>
        new(delivered.ConsultationId, delivered.RegulatorId, delivered.DigestId, delivered.ContentHash, ConsultationStory.Start.AddDays(5), "regulator-desk-1")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddDays(5),
            Actor = "regulator-desk-1",
            CausationId = delivered.EventId,
        };
}

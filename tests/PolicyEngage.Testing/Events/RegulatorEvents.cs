using PolicyEngage.Contracts;

namespace PolicyEngage.Testing.Events;

/// <summary>The events RegulatorLiaison publishes about regulators, as a liaison officer causes them.</summary>
public static class RegulatorEvents
{
    public static RegulatorRegistered Registered(Guid regulatorId, string name = "Ofcom", string jurisdiction = "UK") =>
        new(regulatorId, name, jurisdiction) { EventId = Guid.CreateVersion7(), OccurredAt = ConsultationStory.Start, Actor = "liaison-1" };
}

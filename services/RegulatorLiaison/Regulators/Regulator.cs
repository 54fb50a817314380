using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Regulators;

/// <summary>A regulator the alliance speaks to; consultations and digests are addressed to it.</summary>
public sealed class Regulator : AggregateRoot
{
    private Regulator() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Jurisdiction { get; private set; } = "";
    public DateTime RegisteredAt { get; private set; }

    /// <summary>Where the regulator's desk is told of each digest delivered to it; shown to liaison officers only, never in an event.</summary>
    public string? ContactEmail { get; private set; }

    /// <summary>The <c>RegulatorRegistered</c> event; opening a consultation for this regulator names it as its cause.</summary>
    public Guid RegisteredEventId { get; private set; }

    public static Regulator Register(string name, string jurisdiction, string actor, DateTime now, string? contactEmail = null)
    {
        var regulator = new Regulator
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Jurisdiction = jurisdiction,
            RegisteredAt = now,
            ContactEmail = contactEmail,
            RegisteredEventId = Guid.CreateVersion7(),
        };
        regulator.Raise(new RegulatorRegistered(regulator.Id, name, jurisdiction)
        {
            EventId = regulator.RegisteredEventId,
            OccurredAt = now,
            Actor = actor,
        });
        return regulator;
    }
}

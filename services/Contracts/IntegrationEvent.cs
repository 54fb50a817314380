namespace PolicyEngage.Contracts;

/// <summary>What every integration event carries. <see cref="EventId"/> is also the message id.</summary>
public abstract record IntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTime OccurredAt { get; init; }

    /// <summary>The JWT subject that caused the event, or <c>system</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>The event that led to this one, where one did; the ledger never sequences this event before it.</summary>
    public Guid? CausationId { get; init; }
}

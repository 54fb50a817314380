using PolicyEngage.Contracts;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// An event received but not yet sequenced: it waits here until the event its <see cref="CausationId"/> names is
/// in the ledger. Every arrival passes through, and leaves in the same save when nothing holds it back.
/// </summary>
public sealed class PendingEvent
{
    /// <summary>The column width for the event's CLR type name, here and in the ledger entry it becomes.</summary>
    public const int EventTypeLength = 200;

    private PendingEvent() { }

    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public DateTime OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Service { get; private set; } = "";
    public Guid? CausationId { get; private set; }

    /// <summary>The stored event, already in the form the ledger hashes.</summary>
    public string Data { get; private set; } = "";

    /// <summary>Ready events are appended in the order they arrived.</summary>
    public DateTime ReceivedAt { get; private set; }

    public static PendingEvent Of(IntegrationEvent integrationEvent, string service, DateTime receivedAt) =>
        Of(integrationEvent, StoredEvent.DataOf(integrationEvent), service, receivedAt);

    /// <param name="data">The stored event (<see cref="StoredEvent.DataOf(System.Text.Json.Nodes.JsonObject, IntegrationEvent)"/>).</param>
    public static PendingEvent Of(IntegrationEvent integrationEvent, string data, string service, DateTime receivedAt) => new()
    {
        EventId = integrationEvent.EventId,
        EventType = integrationEvent.GetType().Name,
        OccurredAt = integrationEvent.OccurredAt,
        Actor = integrationEvent.Actor,
        Service = service,
        CausationId = integrationEvent.CausationId,
        Data = data,
        ReceivedAt = receivedAt,
    };
}

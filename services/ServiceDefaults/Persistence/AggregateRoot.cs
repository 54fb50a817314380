using PolicyEngage.Contracts;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// An entity whose state transitions announce themselves. Raised events go to the outbox in the same
/// <c>SaveChanges</c> as the state change, so the two commit or fail together.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IntegrationEvent> _raisedEvents = [];

    protected void Raise(IntegrationEvent integrationEvent) => _raisedEvents.Add(integrationEvent);

    /// <summary>The events raised since the last save, for tests and the outbox.</summary>
    public IReadOnlyList<IntegrationEvent> RaisedEvents() => _raisedEvents.ToList();

    internal List<IntegrationEvent> TakeRaisedEvents()
    {
        var events = _raisedEvents.ToList();
        _raisedEvents.Clear();
        return events;
    }
}

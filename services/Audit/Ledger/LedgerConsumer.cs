using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyEngage.Audit.Data;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// Records one integration event in the ledger; closed once per concrete event type in Contracts. All closed types
/// share one inbox name: a message id is one event, so it must reach the ledger once whatever its type.
/// </summary>
[InboxName("ledger")]
public sealed class LedgerConsumer<TEvent>(AuditDbContext db, TimeProvider clock, ConsumeContext context, MessagePublisher publisher)
    : InboxConsumer<TEvent>(db, clock)
    where TEvent : IntegrationEvent
{
    protected override Task Apply(TEvent message, CancellationToken cancellationToken)
    {
        var service = EventProducers.Verify(typeof(TEvent), publisher.Of(context));
        var data = StoredEvent.DataOf(PublishedJson.Of(context), message);
        return new LedgerChain(db).ReceiveAsync(PendingEvent.Of(message, data, service, UtcNow), cancellationToken);
    }
}

public static class LedgerConsumers
{
    /// <summary>
    /// One queue with a single active consumer: however many Audit processes run, one appends at a time. Named anew because the flag cannot be added to the queue it replaces,
    /// <c>audit-ledger</c>, which the broker setup deletes once it is empty (deploy/local/rabbitmq.sh, deploy/rabbitmq/init.sh).
    /// </summary>
    public const string EndpointName = "audit-ledger-sequencer";

    /// <summary>Every concrete integration event, including ones added later.</summary>
    public static IReadOnlyList<Type> AllEventTypes { get; } = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IntegrationEvent)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>What reaches the ledger: every event but <see cref="LedgerCheckpointSigned"/>, which is about the ledger.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = AllEventTypes.Where(type => type != typeof(LedgerCheckpointSigned)).ToList();

    /// <summary>
    /// All ledger consumers share one queue taking one message at a time, and the broker gives it to one consumer of all
    /// instances at a time, so the chain is appended in one place; should two ever overlap (a failover), the unique
    /// sequence makes the loser retry.
    /// </summary>
    public static IBusRegistrationConfigurator AddLedgerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<MessagePublisher>();
        foreach (var eventType in EventTypes)
        {
            bus.AddConsumer(typeof(LedgerConsumer<>).MakeGenericType(eventType)).Endpoint(endpoint =>
            {
                endpoint.Name = EndpointName;
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.AddConfigureEndpointCallback(queue =>
                {
                    if (queue is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SingleActiveConsumer = true;
                });
            });
        }
        return bus;
    }
}

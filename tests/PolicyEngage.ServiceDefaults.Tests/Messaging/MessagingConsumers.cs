using System.Collections.Concurrent;
using MassTransit;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>The effect under test: one RegistrationSeen row per registration, guarded by the inbox.</summary>
[InboxName("registration-seen")]
public sealed class RegistrationSeenConsumer(RegistryDbContext db, TimeProvider clock) : InboxConsumer<RegulatorRegistered>(db, clock)
{
    protected override Task Apply(RegulatorRegistered message, CancellationToken cancellationToken)
    {
        db.RegistrationsSeen.Add(new RegistrationSeen { RegulatorId = message.RegulatorId });
        return Task.CompletedTask;
    }
}

/// <summary>Counts every delivery the broker makes, duplicates included: what the relay really published.</summary>
public sealed class DeliveryCounter(DeliveryLog log) : IConsumer<RegulatorRegistered>
{
    public Task Consume(ConsumeContext<RegulatorRegistered> context)
    {
        log.Record(context.MessageId!.Value, context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) ? delivery.Properties.UserId : null);
        return Task.CompletedTask;
    }
}

public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();

    /// <summary>The AMQP user_id of each delivery: the broker user that published it.</summary>
    public ConcurrentBag<string?> Producers { get; } = [];

    public int DistinctMessages => _deliveries.Count;

    public int TotalDeliveries => _deliveries.Values.Sum();

    public int DeliveriesOf(Guid messageId) => _deliveries.GetValueOrDefault(messageId);

    public void Record(Guid messageId, string? producer)
    {
        _deliveries.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        Producers.Add(producer);
    }
}

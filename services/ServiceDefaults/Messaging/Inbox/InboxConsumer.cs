using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// An idempotent consumer: the inbox row, the effect and any events the effect raises are written by one
/// <c>SaveChanges</c>, so a crash before it leaves nothing and a redelivery after it changes nothing.
/// Two instances racing on one message collide on the inbox key; the loser's retry then skips.
/// Each subclass declares its row name with <see cref="InboxNameAttribute"/>; one without is refused.
/// Every consumer of ours derives from it, so <see cref="InboxMetrics"/> sees every delivery.
/// </summary>
public abstract class InboxConsumer<TMessage>(ServiceDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = InboxNameAttribute.Of(GetType());
        var metrics = context.GetServiceOrCreateInstance<InboxMetrics>();
        // Lag runs from OccurredAt, which the outbox row keeps, rather than MassTransit's SentTime, set when the relay
        // publishes: a relay held up (a broker outage, a backlog) is lag to whoever waits on the event. Once per
        // delivery: the in-process retries of a failing one are not new arrivals.
        if (context.GetRetryAttempt() == 0)
            metrics.ConsumptionStarted(consumer, typeof(TMessage).Name, UtcNow - context.Message.OccurredAt);
        if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            // A redelivery: the effect committed but the acknowledgement never reached the broker (a crash, a lost channel).
            metrics.DuplicateAbsorbed(consumer, typeof(TMessage).Name);
            context.GetServiceOrCreateInstance<ILogger<InboxConsumer<TMessage>>>().LogInformation(
                "Skipped {MessageType} {MessageId}: {Consumer} applied it already", typeof(TMessage).Name, messageId, consumer);
            return;
        }

        db.InboxMessages.Add(new InboxMessage(messageId, consumer, clock.GetUtcNow().UtcDateTime));
        await Apply(context.Message, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>The consumer's clock, for the times its effect records.</summary>
    protected DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Changes tracked entities only; the base class saves them with the inbox row.</summary>
    protected abstract Task Apply(TMessage message, CancellationToken cancellationToken);
}

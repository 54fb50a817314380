using MassTransit;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// Which service may publish each integration event (SPEC, "Each service speaks only for itself"). The broker's
/// permissions (deploy/rabbitmq/definitions.json, checked against this list by a test) stop a service publishing another's
/// event; the ledger checks every entry again, so that a broker set up wrongly cannot slip one in.
/// </summary>
public static class EventProducers
{
    public const string Submissions = "Submissions";
    public const string Reviews = "Reviews";
    public const string RegulatorLiaison = "RegulatorLiaison";
    public const string Audit = "Audit";

    public static IReadOnlyList<string> Services { get; } = [Submissions, Reviews, RegulatorLiaison, Audit];

    public static IReadOnlyDictionary<Type, string> Owners { get; } = new Dictionary<Type, string>
    {
        [typeof(RegulatorRegistered)] = RegulatorLiaison,
        [typeof(ConsultationOpened)] = RegulatorLiaison,
        [typeof(ConsultationClosed)] = RegulatorLiaison,
        [typeof(DigestCompiled)] = RegulatorLiaison,
        [typeof(DigestDeliveryRequested)] = RegulatorLiaison,
        [typeof(DigestDelivered)] = RegulatorLiaison,
        [typeof(DigestAcknowledged)] = RegulatorLiaison,
        [typeof(DigestPushed)] = RegulatorLiaison,
        [typeof(DigestPushExhausted)] = RegulatorLiaison,
        [typeof(PositionPaperSubmitted)] = Submissions,
        [typeof(PositionPaperWithdrawn)] = Submissions,
        [typeof(DigestPapersReserved)] = Submissions,
        [typeof(DigestDeliveryRefused)] = Submissions,
        [typeof(ReviewCompleted)] = Reviews,
        [typeof(LedgerCheckpointSigned)] = Audit,
    };

    /// <summary>The producer the broker vouches for, when it owns the event; otherwise the event is refused.</summary>
    public static string Verify(Type eventType, string? producer)
    {
        if (string.IsNullOrEmpty(producer))
            throw new ProducerRefusedException($"{eventType.Name} carries no user_id: nothing vouches for its producer.");
        if (!Owners.TryGetValue(eventType, out var owner))
            throw new ProducerRefusedException($"{eventType.Name} has no owner in the ledger's list; it is refused until one is named.");
        if (owner != producer)
            throw new ProducerRefusedException($"{eventType.Name} was published by {producer}, but only {owner} publishes it.");
        return producer;
    }
}

/// <summary>
/// Who published a message, as RabbitMQ vouches for it: the AMQP <c>user_id</c>, which the broker refuses unless it is the
/// publishing connection's user. Never a header, which the producer writes as it likes. A seam for the in-memory test bus.
/// </summary>
public class MessagePublisher
{
    public virtual string? Of(ConsumeContext context) =>
        context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) ? delivery.Properties.UserId : null;
}

/// <summary>An event the ledger will not record: parked in the error queue at once.</summary>
public sealed class ProducerRefusedException(string message) : MessageRefusedException(message);

using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;

namespace PolicyEngage.ServiceDefaults.Messaging.Broker;

/// <summary>
/// Parks a message in its queue's <c>_error</c> queue as MassTransit's own move does (body, properties, headers, the
/// fault's headers), except for the AMQP <c>user_id</c>: that is the producer's, and RabbitMQ refuses a publish whose
/// <c>user_id</c> is not the publishing connection's user. The producer travels on in <see cref="ProducerHeader"/>, so
/// that the requeue tool can publish the message back as its producer did.
/// </summary>
public static class ErrorQueueMove
{
    public const string ProducerHeader = "PolicyEngage-Producer";

    public static string ErrorQueueOf(Uri inputAddress) => $"{inputAddress.AbsolutePath.Split('/')[^1]}_error";

    internal static async Task ParkAsync(ReceiveContext context, RabbitMqBasicConsumeContext delivery, Action<SendHeaders> addHeaders)
    {
        var channel = context.GetPayload<ChannelContext>();
        var properties = new BasicProperties(delivery.Properties)
        {
            UserId = null,
            Expiration = null,
            Headers = new Dictionary<string, object?>(delivery.Properties.Headers ?? new Dictionary<string, object?>()),
        };
        if (delivery.Properties.UserId is { Length: > 0 } producer) properties.Headers[ProducerHeader] = producer;
        var headers = new MoveTransportHeaders(properties);
        headers.SetHostHeaders();
        addHeaders(headers);
        // Mandatory and confirmed: a parking queue that is not bound fails the move, and the message stays where it is.
        await channel.BasicPublishAsync(ErrorQueueOf(context.InputAddress), delivery.RoutingKey, mandatory: true, properties,
            context.GetBody(), awaitAck: true, context.CancellationToken);
    }
}

/// <summary>A message that failed every retry is parked (in place of MassTransit's error transport, which would keep its <c>user_id</c>).</summary>
internal sealed class ParkFailedMessageFilter : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        // What MassTransit's GenerateFaultFilter does, without its Fault<T>: marked faulted, the message is not also
        // parked as skipped.
        if (!context.IsFaulted) await context.NotifyFaulted(context.Exception);
        await ErrorQueueMove.ParkAsync(context, context.GetPayload<RabbitMqBasicConsumeContext>(), headers => headers.CopyFrom(context.ExceptionHeaders));
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("parkFailedMessage");
}

/// <summary>A message no consumer of the queue takes is parked with the failed ones, marked as skipped, rather than in a second queue.</summary>
internal sealed class ParkSkippedMessageFilter : IFilter<ReceiveContext>
{
    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        await ErrorQueueMove.ParkAsync(context, context.GetPayload<RabbitMqBasicConsumeContext>(), headers => headers.Set(MessageHeaders.Reason, "skip"));
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("parkSkippedMessage");
}

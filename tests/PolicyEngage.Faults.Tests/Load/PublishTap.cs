using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using PolicyEngage.Contracts;
using PolicyEngage.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>
/// A queue of the test's own bound to every integration event's exchange: it sees each publish as the broker routed
/// it, before any inbox could hide a second one, and which bus (process) published it.
/// </summary>
internal sealed class PublishTap : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _publishes = new();
    private readonly ConcurrentDictionary<(string Service, string Bus), byte> _publishers = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private PublishTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>How often the broker routed each message id.</summary>
    public IReadOnlyDictionary<string, int> Publishes => _publishes;

    /// <summary>The distinct buses (one per process) that published a service's events.</summary>
    public int PublishersOf(string service) => _publishers.Keys.Count(publisher => publisher.Service == service);

    public static async Task<PublishTap> StartAsync(BrokerAddress broker)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = broker.AmqpPort, VirtualHost = broker.VirtualHost, UserName = TestBroker.Operator, Password = TestBroker.OperatorPassword };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new PublishTap(connection, channel);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var eventType in typeof(IntegrationEvent).Assembly.GetTypes().Where(IsEvent))
        {
            // The broker setup declared every event's exchange.
            await channel.QueueBindAsync(queue, TestBroker.ExchangeOf(eventType), "");
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => tap.RecordAsync(delivery);
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    private Task RecordAsync(BasicDeliverEventArgs delivery)
    {
        var envelope = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!;
        var messageId = envelope["messageId"]!.GetValue<string>().ToUpperInvariant();
        _publishes.AddOrUpdate(messageId, 1, (_, count) => count + 1);
        var service = delivery.BasicProperties.UserId ?? "?";
        _publishers.TryAdd((service, envelope["sourceAddress"]?.GetValue<string>() ?? "?"), 0);
        return Task.CompletedTask;
    }

    /// <summary>The events the ledger records: Audit's own checkpoints are about the ledger, and counted apart.</summary>
    private static bool IsEvent(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IntegrationEvent)) && type != typeof(LedgerCheckpointSigned);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

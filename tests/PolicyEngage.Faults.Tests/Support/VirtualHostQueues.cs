using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;
using RabbitMQ.Client;

namespace PolicyEngage.Faults.Tests.Support;

/// <summary>
/// The queues of one virtual host of the test broker as an operator sees them: the management API to look into a
/// queue, and a raw AMQP publisher for messages no service of ours would ever send.
/// </summary>
internal sealed class VirtualHostQueues(string virtualHost, ushort? managementPort = null)
{
    public string Name => virtualHost;

    /// <summary>A service declares its queues when its bus connects, which may come after it answers ready.</summary>
    public Task WaitForQueueAsync(string queue) =>
        Waiting.UntilAsync(async () =>
        {
            using var management = TestBroker.Management(managementPort);
            return (await management.GetAsync(QueuePath(queue))).StatusCode;
        }, status => status == HttpStatusCode.OK, $"queue {queue} in virtual host {virtualHost}");

    public async Task DeclareQueueAsync(string queue)
    {
        using var management = TestBroker.Management(managementPort);
        (await management.PutAsJsonAsync(QueuePath(queue), new { durable = true })).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The messages waiting in a queue nobody consumes (an <c>_error</c> queue), taken and put straight back. The
    /// management API's message counters lag by seconds; this is exact. MassTransit declares an error queue at its
    /// first fault, so a queue that does not exist yet holds nothing.
    /// </summary>
    public async Task<IReadOnlyList<QueuedMessage>> PeekAsync(string queue)
    {
        using var management = TestBroker.Management(managementPort);
        var response = await management.PostAsJsonAsync($"{QueuePath(queue)}/get",
            new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonArray>() ?? [];
        return messages.Select(message => QueuedMessage.From(message!)).ToList();
    }

    /// <summary>The virtual host's queues with how many consumers each has.</summary>
    public async Task<IReadOnlyList<QueueConsumers>> ListAsync()
    {
        using var management = TestBroker.Management(managementPort);
        return await management.GetFromJsonAsync<List<QueueConsumers>>($"queues/{Uri.EscapeDataString(virtualHost)}?columns=name,consumers") ?? [];
    }

    /// <summary>Every message waiting in any <c>_error</c> queue of the virtual host.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> ErrorMessagesAsync()
    {
        var errors = new List<QueuedMessage>();
        foreach (var queue in (await ListAsync()).Where(queue => queue.Name.EndsWith("_error", StringComparison.Ordinal)))
            errors.AddRange(await PeekAsync(queue.Name));
        return errors;
    }

    /// <summary>
    /// Publishes straight to a queue through the default exchange, failing unless the broker confirms that the queue
    /// took it; as the operator, who may name any producer in <paramref name="userId"/> (it is an impersonator).
    /// </summary>
    public Task PublishAsync(string queue, string messageId, byte[] body, IDictionary<string, object?> headers, string? userId = null) =>
        PublishAsync("", queue, messageId, body, headers, userId, TestBroker.Operator, TestBroker.OperatorPassword);

    /// <summary>Publishes an event to its exchange as a service's own broker user would (or as <paramref name="user"/>).</summary>
    public Task PublishEventAsync(string exchange, string messageId, byte[] body, IDictionary<string, object?> headers, string? userId, string user) =>
        PublishAsync(exchange, "", messageId, body, headers, userId, user, user == TestBroker.Operator ? TestBroker.OperatorPassword : $"{user}-development");

    private async Task PublishAsync(string exchange, string routingKey, string messageId, byte[] body, IDictionary<string, object?> headers,
        string? userId, string user, string password)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = TestBroker.AmqpPort,
            VirtualHost = virtualHost,
            UserName = user,
            Password = password,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            ContentType = MassTransitEnvelope.ContentType,
            MessageId = messageId,
            UserId = userId,
            Persistent = true,
            Headers = headers,
        };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body);
    }

    private string QueuePath(string queue) => $"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}";
}

/// <summary>A queue as the management API lists it.</summary>
internal sealed record QueueConsumers(string Name, int Consumers);

/// <summary>A message as the management API shows it: its id, its headers and its body.</summary>
internal sealed record QueuedMessage(string? MessageId, string? ContentType, string? UserId, JsonObject Headers, string Payload, string PayloadEncoding)
{
    public string? Header(string name) => Headers[name]?.ToString();

    /// <summary>The body's bytes: the API shows a body as text when it is UTF-8, else as base64.</summary>
    public byte[] Body => PayloadEncoding == "base64" ? Convert.FromBase64String(Payload) : Encoding.UTF8.GetBytes(Payload);

    public static QueuedMessage From(JsonNode message)
    {
        // Properties come back as [] rather than {} when a message has none.
        var properties = message["properties"] as JsonObject ?? [];
        return new QueuedMessage(
            properties["message_id"]?.GetValue<string>(),
            properties["content_type"]?.GetValue<string>(),
            properties["user_id"]?.GetValue<string>(),
            properties["headers"] as JsonObject ?? [],
            message["payload"]!.GetValue<string>(),
            message["payload_encoding"]!.GetValue<string>());
    }

    public override string ToString() => $"{MessageId} ({ContentType}) {Headers.ToJsonString()}";
}

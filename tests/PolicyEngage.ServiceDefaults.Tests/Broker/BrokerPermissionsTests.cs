using System.Net;
using System.Net.Http.Json;
using System.Text;
using PolicyEngage.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PolicyEngage.ServiceDefaults.Tests.Broker;

/// <summary>
/// What the broker itself enforces, as deploy/rabbitmq/definitions.json sets it up (here in a test virtual host; the
/// local run's "/" gets the same file): each service's user may publish only the events it owns and touch only its own
/// queues, may not claim another user's user_id, and there is no guest to publish anything.
/// </summary>
public sealed class BrokerPermissionsTests : IAsyncLifetime
{
    private TestVirtualHost _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.CreateVirtualHostAsync("broker-permissions");

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_connection_as_Reviews_publishes_ReviewCompleted_but_the_broker_refuses_its_DigestDelivered()
    {
        await using var reviews = await ConnectAsync("Reviews");

        await PublishAsync(reviews, "PolicyEngage.Contracts:ReviewCompleted", userId: "Reviews");
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync(reviews, "PolicyEngage.Contracts:DigestDelivered", userId: "Reviews"));

        Assert.Contains("ACCESS_REFUSED", ReasonOf(refusal));
    }

    [Fact]
    public async Task A_service_may_not_publish_under_another_services_user_id()
    {
        await using var reviews = await ConnectAsync("Reviews");

        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync(reviews, "PolicyEngage.Contracts:ReviewCompleted", userId: "Submissions"));

        Assert.Contains("PRECONDITION_FAILED", ReasonOf(refusal));
    }

    [Fact]
    public async Task A_service_may_not_delete_or_read_another_services_queue()
    {
        await using var reviews = await ConnectAsync("Reviews");
        await using (var channel = await reviews.CreateChannelAsync())
        {
            var refusal = await Assert.ThrowsAnyAsync<Exception>(() => channel.QueueDeleteAsync("submissions-review-completed"));
            Assert.Contains("ACCESS_REFUSED", ReasonOf(refusal));
        }
        await using (var channel = await reviews.CreateChannelAsync())
        {
            var refusal = await Assert.ThrowsAnyAsync<Exception>(() => channel.BasicGetAsync("submissions-review-completed", autoAck: true));
            Assert.Contains("ACCESS_REFUSED", ReasonOf(refusal));
        }

        Assert.Equal(0, await _broker.MessagesInQueueAsync("submissions-review-completed"));
    }

    [Fact]
    public async Task There_is_no_guest_to_log_in_or_to_publish_through_the_management_api()
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = TestBroker.AmqpPort, VirtualHost = _broker.Name, UserName = "guest", Password = "guest" };
        await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());

        // The way in that a ReviewCompleted once took: guest, through the management API.
        using var guest = TestBroker.ManagementAs("guest", "guest");
        var published = await guest.PostAsJsonAsync($"exchanges/{Uri.EscapeDataString(_broker.Name)}/{Uri.EscapeDataString("PolicyEngage.Contracts:ReviewCompleted")}/publish",
            new { properties = new { }, routing_key = "", payload = "{}", payload_encoding = "string" });
        Assert.Equal(HttpStatusCode.Unauthorized, published.StatusCode);
        using var management = TestBroker.Management();
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("users/guest")).StatusCode);
    }

    private async Task<IConnection> ConnectAsync(string service) => await new ConnectionFactory
    {
        HostName = "127.0.0.1",
        Port = TestBroker.AmqpPort,
        VirtualHost = _broker.Name,
        UserName = service,
        Password = $"{service}-development",
    }.CreateConnectionAsync();

    /// <summary>A confirmed publish on a channel of its own: a refusal closes the channel and fails the publish.</summary>
    private static async Task PublishAsync(IConnection connection, string exchange, string userId)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, "", mandatory: false, new BasicProperties { UserId = userId }, Encoding.UTF8.GetBytes("{}"));
    }

    private static string ReasonOf(Exception exception) => exception switch
    {
        OperationInterruptedException { ShutdownReason: { } reason } => $"{reason.ReplyCode} {reason.ReplyText}",
        _ => exception.ToString(),
    };
}

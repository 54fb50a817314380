using System.Text;
using System.Text.Json;
using PolicyEngage.Testing;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.PoisonMessages;

/// <summary>deploy/local/requeue-errors.sh on a virtual host of its own, with queues no service consumes, so that what it moved can be read back.</summary>
public sealed class RequeueErrorsCommandTests : IAsyncLifetime
{
    private TestVirtualHost _virtualHost = null!;
    private VirtualHostQueues _queues = null!;

    public async Task InitializeAsync()
    {
        _virtualHost = await TestBroker.CreateVirtualHostAsync("faults-requeue");
        _queues = new VirtualHostQueues(_virtualHost.Name);
    }

    public async Task DisposeAsync() => await _virtualHost.DisposeAsync();

    [Fact]
    public async Task Moves_every_parked_message_back_with_its_body_id_content_type_headers_and_producer()
    {
        const string queue = "orders";
        await _queues.DeclareQueueAsync(queue);
        await _queues.DeclareQueueAsync($"{queue}_error");
        var parked = new (Guid Id, byte[] Body, Dictionary<string, object?> Headers)[]
        {
            (Guid.NewGuid(), Encoding.UTF8.GetBytes("""{"message":"naïve text"}"""), new() { ["MT-Reason"] = "fault", ["MT-Fault-RetryCount"] = 5 }),
            (Guid.NewGuid(), [0xff, 0x00, 0xfe], new() { ["MT-Fault-Message"] = "not UTF-8", ["Replayable"] = true }),
            (Guid.NewGuid(), Encoding.UTF8.GetBytes("{}"), new()),
        };
        // Parked by a service as ErrorQueueMove parks: no user_id, the producer in a header.
        var fromReviews = Guid.NewGuid();
        await _queues.PublishAsync($"{queue}_error", fromReviews.ToString(), Encoding.UTF8.GetBytes("{}"), new Dictionary<string, object?> { ["PolicyEngage-Producer"] = "Reviews" });
        foreach (var (id, body, headers) in parked) await _queues.PublishAsync($"{queue}_error", id.ToString(), body, headers);

        var result = await RequeueErrorsCommand.RunAsync(queue, _virtualHost.Name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Moved {parked.Length + 1} messages", result.Output);
        Assert.Empty(await _queues.PeekAsync($"{queue}_error"));
        var moved = (await _queues.PeekAsync(queue)).ToDictionary(m => Guid.Parse(m.MessageId!));
        Assert.Equal(parked.Select(p => p.Id).Append(fromReviews).Order(), moved.Keys.Order());
        Assert.Equal("Reviews", moved[fromReviews].UserId);
        Assert.Null(moved[fromReviews].Header("PolicyEngage-Producer"));
        Assert.All(parked, p => Assert.Null(moved[p.Id].UserId));
        foreach (var (id, body, headers) in parked)
        {
            Assert.Equal(body, moved[id].Body);
            Assert.Equal(MassTransitEnvelope.ContentType, moved[id].ContentType);
            foreach (var (name, value) in headers)
                Assert.Equal(JsonSerializer.Serialize(value), moved[id].Headers[name]?.ToJsonString());
        }
    }

    [Fact]
    public async Task An_empty_error_queue_moves_nothing_and_succeeds()
    {
        await _queues.DeclareQueueAsync("quiet");
        await _queues.DeclareQueueAsync("quiet_error");

        var result = await RequeueErrorsCommand.RunAsync("quiet", _virtualHost.Name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Moved 0 messages", result.Output);
    }

    [Fact]
    public async Task A_queue_without_an_error_queue_is_refused_by_name()
    {
        await _queues.DeclareQueueAsync("never-failed");

        var result = await RequeueErrorsCommand.RunAsync("never-failed", _virtualHost.Name);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("queue 'never-failed_error' does not exist", result.Error);
    }

    [Fact]
    public async Task An_unreachable_broker_is_reported_as_such()
    {
        var result = await RequeueErrorsCommand.RunAsync(["orders", "--management", "http://127.0.0.1:1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("cannot reach the RabbitMQ management API at http://127.0.0.1:1", result.Error);
    }
}

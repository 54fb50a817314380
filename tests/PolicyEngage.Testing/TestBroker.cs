using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyEngage.Testing;

/// <summary>
/// The real RabbitMQ the tests use: the node test.sh starts (ports from POLICYENGAGE_TEST_AMQP_PORT and
/// POLICYENGAGE_TEST_MANAGEMENT_PORT), or a local broker on the default ports. Each fixture gets its own
/// virtual host so that parallel tests never share a queue.
/// </summary>
public static class TestBroker
{
    public static ushort AmqpPort { get; } = PortFrom("POLICYENGAGE_TEST_AMQP_PORT", 5672);
    public static ushort ManagementPort { get; } = PortFrom("POLICYENGAGE_TEST_MANAGEMENT_PORT", 15672);

    /// <summary>The management API of the test broker, or of another node (a test's private one) on <paramref name="port"/>.</summary>
    public static HttpClient Management(ushort? port = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port ?? ManagementPort}/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }

    public static async Task<TestVirtualHost> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var management = Management();
        var created = await management.PutAsync($"vhosts/{name}", null);
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"Could not create RabbitMQ virtual host {name} on management port {ManagementPort}: {created.StatusCode}. Is the test broker running (./test.sh starts it)?");
        var permitted = await management.PutAsJsonAsync($"permissions/{name}/guest", new { configure = ".*", write = ".*", read = ".*" });
        permitted.EnsureSuccessStatusCode();
        return new TestVirtualHost(name);
    }

    private static ushort PortFrom(string variable, ushort fallback) =>
        ushort.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}

public sealed class TestVirtualHost(string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>Messages waiting in a queue of this virtual host, as the broker counts them.</summary>
    public async Task<int> MessagesInQueueAsync(string queue)
    {
        using var management = TestBroker.Management();
        var info = await management.GetFromJsonAsync<QueueInfo>($"queues/{Name}/{queue}");
        return info?.Messages ?? 0;
    }

    /// <summary>
    /// Lets guest publish to every exchange but <paramref name="exchange"/>: the broker then refuses a publish there with
    /// ACCESS_REFUSED and closes the channel it came on. Takes effect for connections opened after it.
    /// </summary>
    public async Task RefusePublishesToAsync(string exchange)
    {
        using var management = TestBroker.Management();
        var permitted = await management.PutAsJsonAsync($"permissions/{Name}/guest",
            new { configure = ".*", write = $"^(?!{Regex.Escape(exchange)}$).*", read = ".*" });
        permitted.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        using var management = TestBroker.Management();
        await management.DeleteAsync($"vhosts/{Name}");
    }

    private sealed record QueueInfo(int Messages);
}

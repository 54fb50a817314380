using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyEngage.Testing;

/// <summary>
/// The real RabbitMQ the tests use: the node test.sh starts (ports from POLICYENGAGE_TEST_AMQP_PORT and
/// POLICYENGAGE_TEST_MANAGEMENT_PORT), or a local broker on the default ports, set up by deploy/local/rabbitmq.sh. Each
/// fixture gets its own virtual host, set up as deploy/rabbitmq/definitions.json sets up "/", so that parallel tests
/// never share a queue and every service logs in as its own user there.
/// </summary>
public static class TestBroker
{
    /// <summary>The private nodes' administrator (deploy/local/rabbitmq.sh): tests look, publish and impersonate as it.</summary>
    public const string Operator = "operator";
    public const string OperatorPassword = "operator-development";

    public static ushort AmqpPort { get; } = PortFrom("POLICYENGAGE_TEST_AMQP_PORT", 5672);
    public static ushort ManagementPort { get; } = PortFrom("POLICYENGAGE_TEST_MANAGEMENT_PORT", 15672);

    public static string DefinitionsFile { get; } = Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "definitions.json");

    /// <summary>The management API of the test broker, or of another node (a test's private one) on <paramref name="port"/>.</summary>
    public static HttpClient Management(ushort? port = null) => ManagementAs(Operator, OperatorPassword, port);

    public static HttpClient ManagementAs(string user, string password, ushort? port = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port ?? ManagementPort}/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{user}:{password}")));
        return client;
    }

    public static async Task<TestVirtualHost> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var management = Management();
        var created = await management.PutAsync($"vhosts/{name}", null);
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"Could not create RabbitMQ virtual host {name} on management port {ManagementPort}: {created.StatusCode}. Is the test broker running (./test.sh starts it)?");
        await SetUpAsync(management, name);
        return new TestVirtualHost(name);
    }

    /// <summary>The users' permissions and the exchanges, queues and bindings of the definitions file, in one virtual host.</summary>
    private static async Task SetUpAsync(HttpClient management, string virtualHost)
    {
        var definitions = JsonNode.Parse(await File.ReadAllTextAsync(DefinitionsFile))!.AsObject();
        var path = Uri.EscapeDataString(virtualHost);
        (await management.PutAsJsonAsync($"permissions/{path}/{Operator}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        foreach (var permission in definitions["permissions"]!.AsArray())
        {
            var granted = await management.PutAsJsonAsync($"permissions/{path}/{permission!["user"]}", new
            {
                configure = (string)permission["configure"]!,
                write = (string)permission["write"]!,
                read = (string)permission["read"]!,
            });
            granted.EnsureSuccessStatusCode();
        }
        var topology = new JsonObject
        {
            ["exchanges"] = definitions["exchanges"]!.DeepClone(),
            ["queues"] = definitions["queues"]!.DeepClone(),
            ["bindings"] = definitions["bindings"]!.DeepClone(),
        };
        foreach (var entity in topology.SelectMany(kind => kind.Value!.AsArray())) entity!.AsObject().Remove("vhost");
        var imported = await management.PostAsJsonAsync($"definitions/{path}", topology);
        if (!imported.IsSuccessStatusCode)
            throw new InvalidOperationException($"Importing the definitions into {virtualHost} failed: {imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
    }

    /// <summary>The fanout exchange an event is published to, as MassTransit names it and the definitions file declares it.</summary>
    public static string ExchangeOf(Type eventType) => $"{eventType.Namespace}:{eventType.Name}";

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
    /// A service of a test's own beside the four: its broker user (as BrokerUser in ServiceDefaults expects it in
    /// Development), permissions as the definitions file gives a service, and what the broker setup would declare for
    /// each of its consumer queues (the queue's exchange bound to the events it consumes, and its <c>_error</c> queue).
    /// </summary>
    public async Task AddServiceAsync(string service, IReadOnlyList<Type> ownedEvents, IReadOnlyDictionary<string, Type[]> consumedBy)
    {
        using var management = TestBroker.Management();
        var path = Uri.EscapeDataString(Name);
        var ownQueues = $"{Regex.Escape(service.ToLowerInvariant())}-.*";
        var configureAndWrite = $"^({string.Join('|', ownedEvents.Select(e => Regex.Escape(TestBroker.ExchangeOf(e))).Prepend(ownQueues))})$";
        await SucceedsAsync(management.PutAsJsonAsync($"users/{service}", new { password = $"{service}-development", tags = "" }));
        await SucceedsAsync(management.PutAsJsonAsync($"permissions/{path}/{service}", new { configure = configureAndWrite, write = configureAndWrite, read = $"^{ownQueues}$" }));
        foreach (var (queue, events) in consumedBy)
        {
            foreach (var exchange in new[] { queue, $"{queue}_error" })
                await SucceedsAsync(management.PutAsJsonAsync($"exchanges/{path}/{exchange}", new { type = "fanout", durable = true }));
            await SucceedsAsync(management.PutAsJsonAsync($"queues/{path}/{queue}_error", new { durable = true, arguments = new Dictionary<string, string> { ["x-queue-type"] = "quorum" } }));
            await SucceedsAsync(management.PostAsJsonAsync($"bindings/{path}/e/{queue}_error/q/{queue}_error", new { }));
            foreach (var consumed in events)
                await SucceedsAsync(management.PostAsJsonAsync($"bindings/{path}/e/{Uri.EscapeDataString(TestBroker.ExchangeOf(consumed))}/e/{queue}", new { }));
        }
    }

    /// <summary>Removes every binding from an exchange, so that what is published there reaches no queue.</summary>
    public async Task DeleteBindingsFromAsync(string exchange)
    {
        using var management = TestBroker.Management();
        var path = Uri.EscapeDataString(Name);
        var bindings = await management.GetFromJsonAsync<List<BindingInfo>>($"exchanges/{path}/{Uri.EscapeDataString(exchange)}/bindings/source") ?? [];
        foreach (var binding in bindings)
        {
            var kind = binding.Destination_type == "queue" ? "q" : "e";
            await SucceedsAsync(management.DeleteAsync(
                $"bindings/{path}/e/{Uri.EscapeDataString(exchange)}/{kind}/{Uri.EscapeDataString(binding.Destination)}/{Uri.EscapeDataString(binding.Properties_key)}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var management = TestBroker.Management();
        await management.DeleteAsync($"vhosts/{Name}");
    }


    private static async Task SucceedsAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private sealed record QueueInfo(int Messages);

    private sealed record BindingInfo(string Destination, string Destination_type, string Properties_key);
}

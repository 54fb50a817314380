using Xunit;

namespace PolicyEngage.Testing;

/// <summary>
/// The whole system as real processes: the four services and the gateway, each on its own SQLite file, all on a
/// virtual host of the real test broker (or, in a derived fixture, a broker of its own). Requests go through the
/// gateway only.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly List<ServiceProcess> _processes = [];
    private TestVirtualHost? _virtualHost;

    public ServiceProcess Gateway { get; private set; } = null!;

    /// <summary>The web portal behind the gateway, when the fixture runs one (<see cref="WithPortal"/>).</summary>
    public ServiceProcess Portal { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>The broker and virtual host the services share.</summary>
    public BrokerAddress Broker { get; private set; } = null!;

    /// <summary>A process by name: <c>Reviews</c> is the first instance of Reviews, <c>Reviews-2</c> the second.</summary>
    public ServiceProcess Service(string name) => _processes.Single(process => process.Name == name);

    /// <summary>Every instance of one program.</summary>
    public IReadOnlyList<ServiceProcess> Instances(string program) =>
        _processes.Where(process => process.Name == program || process.Name.StartsWith($"{program}-", StringComparison.Ordinal)).ToList();

    /// <summary>Starts it all; a start that fails stops what it started, since xunit disposes only what started.</summary>
    public virtual async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var broker = Broker = await ProvideBrokerAsync();
        var shared = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = _data.File("databases"),
            ["RabbitMq__Port"] = broker.AmqpPort.ToString(),
            ["RabbitMq__VirtualHost"] = broker.VirtualHost,
            ["Outbox__PollInterval"] = "00:00:00.250",
            ["Consultations__DeadlineCheckInterval"] = "00:00:01",
            ["Ledger__CheckpointInterval"] = "00:00:00.500",
            // A killed Audit's successor signs within seconds; a holder under load still renews ten times over.
            ["Ledger__SignerLease"] = "00:00:05",
            // Pushes retried within seconds, so that a test sees a whole schedule; Retry-After still replaces a span.
            ["Webhooks__RetrySchedule"] = "00:00:01,00:00:01,00:00:01,00:00:01",
            ["Webhooks__Timeout"] = "00:00:02",
            ["Webhooks__PollInterval"] = "00:00:00.200",
            // The gateway's limits have their own tests; here they would only throttle the fuzz and matrix runs.
            ["RateLimiting__PermitsPerSecond"] = "100000",
            ["RateLimiting__Burst"] = "100000",
        };
        // Tokens come from the development issuer (the gateway's /dev/token) unless a fixture names an identity provider.
        var authority = AuthoritySettings;
        foreach (var (key, value) in (authority ?? TestSigningKey.VerifierSettings).AsEnvironment()) shared[key] = value;
        var services = new (string Name, string Folder, string Cluster)[]
        {
            ("Submissions", "services/Submissions", "submissions"),
            ("Reviews", "services/Reviews", "reviews"),
            ("RegulatorLiaison", "services/RegulatorLiaison", "regulatorliaison"),
            ("Audit", "services/Audit", "audit"),
        };
        // Only the gateway holds the private half, for /dev/token.
        var gatewayEnvironment = new Dictionary<string, string>(shared);
        if (authority is null)
            foreach (var (key, value) in TestSigningKey.IssuerSettings.AsEnvironment()) gatewayEnvironment[key] = value;
        // A whole system on two busy cores can take seconds to connect or to answer a path's first call; the gateway's
        // own bounds (1 s, 10 s) have their own tests, here they would only turn a slow start into a 503.
        gatewayEnvironment["Resilience__ConnectTimeout"] = "00:00:05";
        gatewayEnvironment["Resilience__AttemptTimeout"] = "00:00:30";
        foreach (var (key, value) in EnvironmentOf("Gateway")) gatewayEnvironment[key] = value;
        foreach (var (program, folder, cluster) in services)
        {
            var environment = new Dictionary<string, string>(shared);
            foreach (var (key, value) in EnvironmentOf(program)) environment[key] = value;
            for (var instance = 1; instance <= InstancesOf(program); instance++)
            {
                var name = instance == 1 ? program : $"{program}-{instance}";
                var process = ServiceProcess.Start(program, folder, _data.Path, environment, name);
                _processes.Add(process);
                var destination = instance == 1 ? "primary" : $"instance{instance}";
                gatewayEnvironment[$"ReverseProxy__Clusters__{cluster}__Destinations__{destination}__Address"] = process.BaseAddress.ToString();
            }
        }
        // The portal calls the API through the gateway, and the gateway sends the portal's pages to it: the gateway's
        // port is chosen first so that each can be told of the other.
        var gatewayPort = LoopbackPorts.Free();
        if (WithPortal)
        {
            var portalEnvironment = new Dictionary<string, string>
            {
                ["Portal__GatewayUrl"] = $"http://127.0.0.1:{gatewayPort}",
                ["Portal__KeysDirectory"] = _data.File("portal-keys"),
            };
            if (authority is not null)
                foreach (var (key, value) in authority.AsEnvironment()) portalEnvironment[key] = value;
            foreach (var (key, value) in EnvironmentOf("Portal")) portalEnvironment[key] = value;
            Portal = ServiceProcess.Start("Portal", "portal/PolicyEngage.Portal", _data.Path, portalEnvironment);
            _processes.Add(Portal);
            gatewayEnvironment["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = Portal.BaseAddress.ToString();
        }
        Gateway = ServiceProcess.Start("Gateway", "gateway/PolicyEngage.Gateway", _data.Path, gatewayEnvironment, port: gatewayPort);
        _processes.Add(Gateway);

        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));
        await AwaitTheGatewayReachingEachServiceAsync();
    }

    /// <summary>
    /// Every process ready is not yet every route answering: on a busy machine the gateway's first calls to a service
    /// can time out and open its breaker for a moment. Each service's document is asked for through the gateway until
    /// it comes, so that a test's first request meets a warm path.
    /// </summary>
    private async Task AwaitTheGatewayReachingEachServiceAsync()
    {
        using var http = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var document in new[] { "submissions", "reviews", "regulatorliaison", "audit" })
            await Eventually.True(async () =>
            {
                try
                {
                    return (await http.GetAsync($"/openapi/{document}.json")).IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, $"the gateway reaching {document}", TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// The <c>Auth</c> settings (<c>Auth:Authority</c>, <c>Auth:Issuer</c>, ...) of every process, services, gateway and
    /// portal, when an identity provider issues the tokens; null (the default): the gateway's /dev/token with this run's
    /// test key, and no authority anywhere.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string>? AuthoritySettings => null;

    /// <summary>Whether the web portal runs too, behind the gateway; only the browser tests need it.</summary>
    protected virtual bool WithPortal => false;

    /// <summary>How many processes of a service share its database and queues; the gateway balances between them.</summary>
    protected virtual int InstancesOf(string program) => 1;

    /// <summary>Settings of one program's processes on top of the shared ones (a failpoint, say); "Gateway" and "Portal" are asked too.</summary>
    protected virtual IReadOnlyDictionary<string, string> EnvironmentOf(string program) => new Dictionary<string, string>();

    /// <summary>A fresh virtual host on the shared test broker; a fixture that must stop its broker brings its own.</summary>
    protected virtual async Task<BrokerAddress> ProvideBrokerAsync()
    {
        _virtualHost = await TestBroker.CreateVirtualHostAsync("e2e");
        return new BrokerAddress(TestBroker.AmqpPort, TestBroker.ManagementPort, _virtualHost.Name);
    }

    protected virtual async ValueTask ReleaseBrokerAsync()
    {
        if (_virtualHost is not null) await _virtualHost.DisposeAsync();
        _virtualHost = null;
    }

    public ApiClient Client() => new(Gateway.BaseAddress);

    /// <summary>The four services' SQLite files.</summary>
    public IEnumerable<string> DatabaseFiles => Directory.EnumerateFiles(_data.File("databases"), "*.db");

    /// <summary>Every process's whole log so far.</summary>
    public IEnumerable<(string Process, string Text)> FullLogs() => _processes.Select(p => (p.Name, p.LogTail(int.MaxValue)));

    /// <summary>Every process's last log lines, for a failure message.</summary>
    public string Logs() => string.Join("\n\n", _processes.Select(p => $"===== {p.Name}\n{p.LogTail(15)}"));

    public virtual async Task DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        _processes.Clear();
        await ReleaseBrokerAsync();
        _data.Dispose();
    }
}

public sealed record BrokerAddress(ushort AmqpPort, ushort ManagementPort, string VirtualHost);

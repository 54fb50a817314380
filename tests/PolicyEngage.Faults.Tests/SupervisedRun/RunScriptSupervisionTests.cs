using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyEngage.Testing;
using Xunit.Abstractions;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.SupervisedRun;

/// <summary>
/// ./run.sh supervises what it starts, like the production compose file's restart policy: a service killed outright
/// comes back on its port and its route answers again through the gateway; SIGTERM stops everything and exits 0.
/// </summary>
public sealed class RunScriptSupervisionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartUpBound = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(45);
    private readonly TempDirectory _data = new();
    private TestVirtualHost? _virtualHost;
    private RunScript? _run;

    public async Task InitializeAsync()
    {
        _virtualHost = await TestBroker.CreateVirtualHostAsync("runsh");
        _run = RunScript.Start(_data.Path, _virtualHost.Name);
    }

    [Fact]
    public async Task A_killed_service_is_restarted_and_SIGTERM_stops_everything_run_sh_started()
    {
        var run = _run!;
        var clock = Stopwatch.StartNew();
        await run.WaitForOutputAsync("PolicyEngage is running", StartUpBound);
        var ready = clock.Elapsed;
        // The overrides took: the databases in the test's folder, the services' queues in its virtual host.
        Assert.Equal(RunScript.Services.Select(service => $"{service.ToLowerInvariant()}.db").Order(),
            Directory.GetFiles(_data.Path, "*.db").Select(Path.GetFileName).Order());
        await Eventually.True(async () => (await new VirtualHostQueues(_virtualHost!.Name).ListAsync()).Any(queue => queue.Name.StartsWith("reviews-")), "Reviews' queues in the test's virtual host");
        var before = run.RunningApps();
        Assert.Equal(RunScript.Apps.Append(RunScript.Dashboard).Append(RunScript.Mail).Order(), before.Keys.Order());
        var reviewer = await new ApiClient(run.Gateway).SignInAsync("runsh-reviewer", "Reviewer", org: "globex");
        (await reviewer.GetAsync("/api/reviews?status=Open")).Expect(HttpStatusCode.OK);
        // The portal behind the gateway, and the mail server's page, as the start-up banner promises them.
        using (var browser = new HttpClient { BaseAddress = run.Gateway })
            Assert.Contains("<label for=\"Subject\">Subject</label>", await browser.GetStringAsync("/signin"));
        using (var mail = new HttpClient { BaseAddress = run.MailPage })
            Assert.Equal(HttpStatusCode.OK, (await mail.GetAsync("/")).StatusCode);
        // Every process exports to the dashboard run.sh started: each with its metrics, and the request's two with traces.
        await Eventually.True(async () => (await DashboardResourcesAsync(run, "hasMetrics")).SetEquals(RunScript.Apps),
            "the gateway, the portal and the four services in the dashboard, each with metrics");
        await Eventually.True(async () => (await DashboardResourcesAsync(run, "hasTraces")).IsSupersetOf(["Gateway", "Reviews"]),
            "the reviewer's request traced in the dashboard by the gateway and Reviews");

        var killed = before["Reviews"];
        Assert.True(UnixSignal.Send(killed.Id, UnixSignal.Kill), $"SIGKILL to Reviews ({killed.Id})");
        var sinceKill = Stopwatch.StartNew();
        LinuxProcess? restarted = null;
        await Eventually.True(() => (restarted = run.RunningApps().GetValueOrDefault("Reviews")) is not null && restarted.Id != killed.Id,
            "run.sh starting Reviews again as a new process");
        await Eventually.True(() => AnswersReadyAsync(run.ServicePort("Reviews")), "the new Reviews ready on its port");
        var restartedIn = sinceKill.Elapsed;
        await reviewer.EventuallyAsync(() => reviewer.GetAsync("/api/reviews?status=Open"), response => response.Status == HttpStatusCode.OK,
            "the Reviews route answering through the gateway again");

        Assert.True(restarted!.IsRunning());
        Assert.Contains("reviews exited with code 137; restarting in 1 s", run.Output);
        Assert.Contains("restarting reviews", run.Output);
        var untouched = before.Where(app => app.Key != "Reviews").Select(app => app.Value).ToList();
        Assert.All(untouched, app => Assert.True(app.IsRunning(), $"{app.CommandLine} ({app.Id}) kept running"));
        Assert.Single(run.Output.Split('\n'), line => line.Contains(" exited with code "));

        Assert.True(UnixSignal.Send(run.Id, UnixSignal.Term), "SIGTERM to run.sh");
        var sinceTerm = Stopwatch.StartNew();
        Assert.True(await run.WaitForExitAsync(StopBound), $"run.sh exited within {StopBound.TotalSeconds:0} s of SIGTERM");
        var stoppedIn = sinceTerm.Elapsed;
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(new Regex(@"\] stopped$", RegexOptions.Multiline), run.Output);
        Assert.All(untouched.Append(restarted), app => Assert.False(app.IsRunning(), $"{app.CommandLine} ({app.Id}) still runs"));
        Assert.All(run.Ports, port => Assert.False(Listens(port), $"something still listens on port {port}"));

        output.WriteLine($"run.sh ready after {ready.TotalSeconds:F1} s; Reviews ready again {restartedIn.TotalSeconds:F1} s after SIGKILL; " +
            $"run.sh stopped {stoppedIn.TotalSeconds:F1} s after SIGTERM; {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
            output.WriteLine("----- run.sh output -----\n" + _run.Output);
        }
        if (_virtualHost is not null) await _virtualHost.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>The dashboard's own telemetry API (anonymous, as run.sh starts it on loopback).</summary>
    private static async Task<HashSet<string>> DashboardResourcesAsync(RunScript run, string having)
    {
        using var client = new HttpClient { BaseAddress = run.DashboardPage, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var resources = await client.GetFromJsonAsync<JsonArray>("/api/telemetry/resources") ?? [];
            return resources.Where(resource => resource![having]!.GetValue<bool>())
                .Select(resource => resource!["name"]!.GetValue<string>()).ToHashSet();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return []; // Not listening yet.
        }
    }

    private static async Task<bool> AnswersReadyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false; // Not listening yet, or still starting.
        }
    }

    private static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using System.Text;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.SupervisedRun;

/// <summary>
/// The real <c>./run.sh --no-build</c> as a child process, moved by its environment variables onto free ports, a
/// data folder and a broker virtual host of its own, so that it never meets a developer's own run. Its output is kept.
/// </summary>
internal sealed class RunScript : IAsyncDisposable
{
    /// <summary>In run.sh's port order: the first service port goes to Submissions, the next to Reviews, and so on.</summary>
    public static readonly string[] Services = ["Submissions", "Reviews", "RegulatorLiaison", "Audit"];
    public static readonly string[] Apps = [.. Services, "Portal", "Gateway"];

    /// <summary>The telemetry dashboard: an executable of its own, not a PolicyEngage dll.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>The local mail server (smtp4dev): an executable of its own too.</summary>
    public const string Mail = "Mail";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HashSet<LinuxProcess> _seenApps = [];

    private RunScript(Process process, int gatewayPort, int firstServicePort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        FirstServicePort = firstServicePort;
    }

    public int GatewayPort { get; }
    public int FirstServicePort { get; }
    public int Id => _process.Id;
    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>After the services' ports: the dashboard's page, then its OTLP endpoint.</summary>
    public int DashboardPort => FirstServicePort + 4;
    public Uri DashboardPage => new($"http://127.0.0.1:{DashboardPort}");

    /// <summary>After the dashboard's: the portal's, then the mail server's SMTP port and its page.</summary>
    public int PortalPort => FirstServicePort + 6;
    public int SmtpPort => FirstServicePort + 7;
    public Uri MailPage => new($"http://127.0.0.1:{FirstServicePort + 8}");

    /// <summary>The gateway's port, the four services', the dashboard's two, the portal's and the mail server's two.</summary>
    public IEnumerable<int> Ports => [GatewayPort, .. Enumerable.Range(FirstServicePort, 9)];

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static RunScript Start(string dataDirectory, string virtualHost)
    {
        // One block: the gateway's port, the services' first port and the three after it, the dashboard's two, the
        // portal's, the mail server's two.
        var gatewayPort = LoopbackPorts.Consecutive(10);
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "run.sh"), ["--no-build"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["POLICYENGAGE_GATEWAY_PORT"] = gatewayPort.ToString();
        start.Environment["POLICYENGAGE_FIRST_SERVICE_PORT"] = (gatewayPort + 1).ToString();
        start.Environment["POLICYENGAGE_AMQP_PORT"] = TestBroker.AmqpPort.ToString();
        start.Environment["POLICYENGAGE_DATA_DIR"] = dataDirectory;
        start.Environment["POLICYENGAGE_DASHBOARD_PORT"] = (gatewayPort + 5).ToString();
        start.Environment["POLICYENGAGE_DASHBOARD_OTLP_PORT"] = (gatewayPort + 6).ToString();
        start.Environment["POLICYENGAGE_PORTAL_PORT"] = (gatewayPort + 7).ToString();
        start.Environment["POLICYENGAGE_SMTP_PORT"] = (gatewayPort + 8).ToString();
        start.Environment["POLICYENGAGE_MAIL_PORT"] = (gatewayPort + 9).ToString();
        // Not one of run.sh's own settings: it reaches the services only because run.sh passes its environment on.
        start.Environment["RabbitMq__VirtualHost"] = virtualHost;

        var process = new Process { StartInfo = start };
        var run = new RunScript(process, gatewayPort, gatewayPort + 1);
        process.OutputDataReceived += (_, line) => run.Append(line.Data);
        process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public int ServicePort(string service) => FirstServicePort + Array.IndexOf(Services, service);

    /// <summary>Waits until run.sh prints <paramref name="text"/>, failing at once when it exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        await Eventually.True(() => Output.Contains(text) || HasExited, $"run.sh printing \"{text}\"", within);
        if (!Output.Contains(text)) Assert.Fail($"run.sh exited with code {ExitCode} before printing \"{text}\"");
    }

    /// <summary>The app processes run.sh runs now (its direct children running a PolicyEngage dll, the dashboard and the mail server), by app name.</summary>
    public IReadOnlyDictionary<string, LinuxProcess> RunningApps()
    {
        var apps = new Dictionary<string, LinuxProcess>();
        foreach (var child in LinuxProcess.ChildrenOf(Id))
        {
            // "dotnet": not the env or setsid this child briefly is on its way to dotnet.
            var app = Apps.FirstOrDefault(name => child.CommandLine.StartsWith("dotnet ") && child.CommandLine.EndsWith($"PolicyEngage.{name}.dll"))
                ?? (child.CommandLine.EndsWith("/tools/Aspire.Dashboard") ? Dashboard : null)
                ?? (child.CommandLine.Contains("/Rnwood.Smtp4dev ", StringComparison.Ordinal) ? Mail : null);
            if (app is null) continue;
            apps[app] = child;
            lock (_seenApps) _seenApps.Add(child);
        }
        return apps;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Whatever a failed test left behind goes: run.sh with everything under it, and any app it orphaned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        foreach (var app in _seenApps.Where(app => app.IsRunning())) UnixSignal.Send(app.Id, UnixSignal.Kill);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}

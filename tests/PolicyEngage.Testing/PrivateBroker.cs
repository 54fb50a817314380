using System.Diagnostics;

namespace PolicyEngage.Testing;

/// <summary>
/// A RabbitMQ node of a test's own, started with deploy/local/rabbitmq.sh, that the test may stop and start again
/// (a broker outage). Its state — durable queues and the messages in them — lives in a folder and survives a restart.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly TempDirectory _state = new();
    private Process? _node;

    private PrivateBroker(string node, ushort amqpPort, ushort managementPort, ushort distPort)
    {
        Node = node;
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        DistPort = distPort;
    }

    public string Node { get; }
    public ushort AmqpPort { get; }
    public ushort ManagementPort { get; }
    public ushort DistPort { get; }

    public static async Task<PrivateBroker> StartAsync()
    {
        var broker = new PrivateBroker($"pe-{Guid.NewGuid():N}"[..12] + "@localhost", LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>Starts the node (again) and returns once it accepts connections and has finished booting.</summary>
    public async Task StartAgainAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "rabbitmq.sh");
        var start = new ProcessStartInfo("bash", ["-c", """
            source "$0" && rabbitmq_start "$1" "$2" "$3" "$4" "$5" && rabbitmq_await 90 && rabbitmq_define && echo READY && wait "$RMQ_PID"
            """, script, Node, AmqpPort.ToString(), ManagementPort.ToString(), DistPort.ToString(), _state.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _node = Process.Start(start)!;
        var errors = _node.StandardError.ReadToEndAsync();
        var ready = await ReadUntilReadyAsync(_node).WaitAsync(TimeSpan.FromSeconds(120));
        if (!ready) throw new InvalidOperationException($"RabbitMQ node {Node} did not start: {await errors}");
    }

    /// <summary>A clean shutdown, as an operator or an orchestrator stopping the broker would do.</summary>
    public async Task StopAsync()
    {
        if (_node is null || _node.HasExited) return;
        var stop = Process.Start(new ProcessStartInfo(
            "/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", Node, "-q", "shutdown"])
        {
            Environment = { ["HOME"] = _state.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        await stop.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (_node is { HasExited: false }) _node.Kill(entireProcessTree: true);
            _state.Dispose();
        }
    }

    private static async Task<bool> ReadUntilReadyAsync(Process node)
    {
        while (await node.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "READY") return true;
        }
        return false;
    }
}

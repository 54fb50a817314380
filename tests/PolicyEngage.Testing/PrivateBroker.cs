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
        await broker.BootAsync(define: true);
        return broker;
    }

    /// <summary>
    /// Starts the stopped node again on its state, as an operator restarting a broker would: its queues, users and
    /// messages are where they were, so the definitions are not imported again (a dozen rabbitmqctl runs, a minute
    /// on a loaded machine).
    /// </summary>
    public Task StartAgainAsync() => BootAsync(define: false);

    /// <summary>Returns once the node accepts connections and has finished booting (and, first, holds our definitions).</summary>
    private async Task BootAsync(bool define)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "rabbitmq.sh");
        var steps = define ? "rabbitmq_await 90 && rabbitmq_define" : "rabbitmq_await 90";
        var start = new ProcessStartInfo("bash", ["-c", $"""
            source "$0" && rabbitmq_start "$1" "$2" "$3" "$4" "$5" && {steps} && echo READY && wait "$RMQ_PID"
            """, script, Node, AmqpPort.ToString(), ManagementPort.ToString(), DistPort.ToString(), _state.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _node = Process.Start(start)!;
        var errors = _node.StandardError.ReadToEndAsync();
        // A bound for a node that never comes up, not a timing: boot is bounded at 90 s inside the script.
        var ready = await ReadUntilReadyAsync(_node).WaitAsync(TimeSpan.FromSeconds(240));
        if (!ready) throw new InvalidOperationException($"RabbitMQ node {Node} did not start: {await errors}");
    }

    /// <summary>
    /// A clean shutdown, as an operator stopping the broker would do (<c>rabbitmqctl shutdown</c>); when a loaded machine
    /// has not seen the node go within a minute, SIGTERM to it, as an orchestrator stops a broker, an orderly stop too.
    /// </summary>
    public async Task StopAsync()
    {
        if (_node is null || _node.HasExited) return;
        using var shutdown = Process.Start(new ProcessStartInfo(
            "/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", Node, "-q", "shutdown"])
        {
            Environment = { ["HOME"] = _state.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return;
        }
        catch (TimeoutException)
        {
            foreach (var server in ChildrenOf(_node.Id)) UnixSignal.Send(server, UnixSignal.Term);
        }
        await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The processes the start script waits on: the node itself.</summary>
    private static IEnumerable<int> ChildrenOf(int processId) =>
        File.ReadAllText($"/proc/{processId}/task/{processId}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

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

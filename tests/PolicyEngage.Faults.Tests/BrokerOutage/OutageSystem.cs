using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.BrokerOutage;

/// <summary>The running system on a broker of its own, which the test stops and starts again.</summary>
public sealed class OutageSystem : RunningSystem
{
    public PrivateBroker Node { get; private set; } = null!;

    protected override async Task<BrokerAddress> ProvideBrokerAsync()
    {
        Node = await PrivateBroker.StartAsync();
        return new BrokerAddress(Node.AmqpPort, Node.ManagementPort, "/");
    }

    // Null when the node never started: the start's own exception is the one to see.
    protected override ValueTask ReleaseBrokerAsync() => Node?.DisposeAsync() ?? ValueTask.CompletedTask;
}

using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>Two processes of every service, each pair on one database and one set of queues, the gateway balancing between them.</summary>
public sealed class TwoInstanceSystem : RunningSystem
{
    protected override int InstancesOf(string program) => 2;
}

using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>Two processes each of Submissions and Reviews on one database and one set of queues, the gateway balancing between them.</summary>
public sealed class TwoInstanceSystem : RunningSystem
{
    protected override int InstancesOf(string program) => program is "Submissions" or "Reviews" or "Audit" ? 2 : 1;
}

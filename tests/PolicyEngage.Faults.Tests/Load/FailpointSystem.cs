using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>The running system with failpoints set on some services' first lives.</summary>
public sealed class FailpointSystem(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> failpoints) : RunningSystem
{
    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program) =>
        failpoints.GetValueOrDefault(program) ?? base.EnvironmentOf(program);
}

using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>
/// Two Audit processes on one ledger, signing every two seconds: long enough for a test to catch entries recorded and
/// not yet signed. The signer's lease lapses after three intervals.
/// </summary>
public sealed class SignerFailoverSystem : RunningSystem
{
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    protected override int InstancesOf(string program) => program == "Audit" ? 2 : 1;

    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program) => program == "Audit"
        ? new Dictionary<string, string>
        {
            ["Ledger__CheckpointInterval"] = CheckpointInterval.ToString("c"),
            ["Ledger__SignerLease"] = (3 * CheckpointInterval).ToString("c"),
        }
        : new Dictionary<string, string>();
}

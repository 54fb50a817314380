using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>
/// The whole system as the end-to-end tests run it (real processes of this Release build, a virtual host of the
/// broker bench.sh started), with the intervals the tests shorten put back to the services' defaults: a checkpoint signed
/// every half second would charge the ledger's figures with work production does ten times less often.
/// </summary>
internal sealed class BenchSystem : RunningSystem
{
    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program) => new Dictionary<string, string>
    {
        ["Outbox__PollInterval"] = "00:00:01",
        ["Consultations__DeadlineCheckInterval"] = "00:00:05",
        ["Ledger__CheckpointInterval"] = "00:00:05",
        ["Ledger__SignerLease"] = "00:00:30",
        ["Webhooks__PollInterval"] = "00:00:01",
    };

    /// <summary>Started, or every process it started stopped again.</summary>
    public static async Task<BenchSystem> StartAsync()
    {
        var system = new BenchSystem();
        await system.InitializeAsync();
        return system;
    }
}

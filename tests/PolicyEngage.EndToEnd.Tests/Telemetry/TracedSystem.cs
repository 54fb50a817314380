using PolicyEngage.Testing;
using PolicyEngage.Testing.Telemetry;

namespace PolicyEngage.EndToEnd.Tests.Telemetry;

/// <summary>The whole system exporting its traces and metrics over OTLP to a receiver the tests read.</summary>
public sealed class TracedSystem : RunningSystem
{
    public OtlpReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program) => Receiver.ExporterEnvironment;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Receiver is not null) await Receiver.DisposeAsync();
    }
}

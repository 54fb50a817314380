using System.Diagnostics;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.GracefulStop;

/// <summary>
/// SIGTERM, as an orchestrator stops a container, under load: Reviews with messages in its consumers (each held
/// 300 ms by a failpoint, so a stop always finds some in flight) and Submissions with requests and relay batches
/// under way. Each exits 0 having finished what it had started, without a warning in its log: its relay left no row
/// claimed and unsent, and after the restart no message comes back that was already applied (the inbox never has to
/// skip one).
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);

    private readonly FailpointSystem _system = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["Reviews"] = new Dictionary<string, string> { ["FaultInjection__ConsumeDelay"] = "00:00:00.300" },
    });

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task SIGTERM_lets_in_flight_consumers_and_the_outbox_relay_finish_before_the_process_exits()
    {
        var scenario = await FaultScenario.StartAsync("graceful-stop", _system);
        var ledger = new SystemLedger(_system.DatabaseFiles);
        var stops = new List<string>();
        await Task.Delay(TimeSpan.FromSeconds(4));

        var faultEnded = new Stopwatch();
        foreach (var name in new[] { "Reviews", "Submissions" })
        {
            var service = _system.Service(name);
            var stopping = Stopwatch.StartNew();
            Assert.Equal(0, await service.TerminateAsync(StopBound));
            stops.Add($"{name} stopped in {stopping.Elapsed.TotalSeconds:F1} s");
            var shutdown = ShutdownLog(service);
            Assert.False(shutdown.Contains("warn:") || shutdown.Contains("fail:"), $"{name} did not stop cleanly:\n{shutdown}");
            Assert.Equal(0, ledger.ClaimedUnsentOutboxRows(name.ToLowerInvariant()));
            service.Restart();
            await service.WaitUntilReadyAsync(ReadyBound);
            faultEnded.Restart();
            await Task.Delay(TimeSpan.FromSeconds(4));
        }

        var figures = await scenario.StopAndCountAsync(faultEnded);
        output.WriteLine($"{figures}; {string.Join(", ", stops)}");
        foreach (var name in new[] { "Reviews", "Submissions" })
            Assert.DoesNotContain("applied it already", _system.Service(name).LogTail(int.MaxValue));
    }

    /// <summary>What the process logged from the moment it heard SIGTERM: a consumer cut off or a relay batch abandoned would warn here.</summary>
    private static string ShutdownLog(ServiceProcess service)
    {
        var log = service.LogTail(int.MaxValue);
        var from = log.LastIndexOf("Application is shutting down", StringComparison.Ordinal);
        Assert.True(from >= 0, $"{service.Name} never logged its shutdown:\n{service.LogTail()}");
        return log[from..];
    }
}

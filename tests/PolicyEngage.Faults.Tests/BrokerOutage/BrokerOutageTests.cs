using System.Diagnostics;
using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.BrokerOutage;

/// <summary>
/// RabbitMQ stops for 15 seconds in the middle of a steady load and starts again. While it is away the write routes
/// still answer (the outboxes hold the events) and readiness reports the broker; after it is back every event
/// arrives, none twice, and the audit chain verifies.
/// </summary>
public sealed class BrokerOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    private readonly OutageSystem _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task No_event_is_lost_or_doubled_when_the_broker_goes_away_mid_stream()
    {
        var scenario = await FaultScenario.StartAsync("broker-outage", _system);
        await Task.Delay(TimeSpan.FromSeconds(4));

        await _system.Node.StopAsync();
        var brokerDown = Stopwatch.StartNew();
        var submittedBefore = scenario.Load.Submitted;
        var deliveredBefore = scenario.Load.DigestsDelivered;
        using var health = new HttpClient { BaseAddress = _system.Service("Submissions").BaseAddress };
        await Eventually.True(async () => (await health.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness reporting the broker down");
        while (brokerDown.Elapsed < Outage) await Task.Delay(200);
        var submittedWhileDown = scenario.Load.Submitted - submittedBefore;
        var deliveredWhileDown = scenario.Load.DigestsDelivered - deliveredBefore;

        await _system.Node.StartAgainAsync();
        var brokerBack = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var figures = await scenario.StopAndCountAsync(brokerBack);
        output.WriteLine($"{figures}; {submittedWhileDown} versions and {deliveredWhileDown} digests accepted while the broker was down");

        Assert.True(submittedWhileDown > 0, "writes kept being answered while the broker was down");
        Assert.Equal(0, scenario.Load.Unavailable);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.ServiceDown;

/// <summary>
/// RegulatorLiaison's process is killed under load and started again 6 seconds later. Meanwhile the gateway answers
/// its routes within two seconds with a 503 problem carrying Retry-After, the other services go on taking the load,
/// and once it is back its routes answer again by themselves; the exit criterion holds.
/// </summary>
public sealed class ServiceDownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(6);
    private readonly RunningSystem _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task While_RegulatorLiaison_is_down_the_gateway_answers_its_routes_503_at_once_and_recovers_by_itself()
    {
        var scenario = await FaultScenario.StartAsync("service-down", _system);
        var officer = await _system.Client().SignInAsync("service-down-probe", "LiaisonOfficer");
        using var probe = new HttpClient { BaseAddress = _system.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var regulatorLiaison = _system.Service("RegulatorLiaison");
        await regulatorLiaison.KillAsync();
        var down = Stopwatch.StartNew();
        var submittedBefore = scenario.Load.Submitted;
        var slowest = TimeSpan.Zero;
        var answers = 0;
        while (down.Elapsed < Down)
        {
            var asked = Stopwatch.StartNew();
            using var response = await probe.GetAsync("/api/consultations");
            slowest = asked.Elapsed > slowest ? asked.Elapsed : slowest;
            answers++;
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(200);
        }
        var submittedWhileDown = scenario.Load.Submitted - submittedBefore;

        regulatorLiaison.Restart();
        var restarted = Stopwatch.StartNew();
        // Its own start under the load is the machine's business; from ready on, the gateway's circuit is ours.
        await regulatorLiaison.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var ready = restarted.Elapsed;
        await Eventually.True(async () => (await probe.GetAsync("/api/consultations")).StatusCode == HttpStatusCode.OK,
            "RegulatorLiaison's routes answering through the gateway again", TimeSpan.FromSeconds(30));
        var recovered = restarted.Elapsed;
        // Longer than the driver's consultation lifetime, so that at least one digest is delivered after the recovery.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var figures = await scenario.StopAndCountAsync(restarted);
        output.WriteLine($"{figures}; {answers} requests to RegulatorLiaison's routes while it was down, each a 503 problem, the slowest in " +
            $"{slowest.TotalMilliseconds:F0} ms; {submittedWhileDown} versions submitted meanwhile; it was ready {ready.TotalSeconds:F1} s after the restart and its routes answered again {recovered.TotalSeconds:F1} s after it");

        Assert.True(slowest < AnswerBound, $"the slowest 503 took {slowest}");
        Assert.True(submittedWhileDown > 0, "the other services stopped taking the load while RegulatorLiaison was down");
    }
}

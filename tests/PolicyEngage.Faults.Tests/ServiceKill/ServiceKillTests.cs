using System.Diagnostics;
using System.Text.RegularExpressions;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.ServiceKill;

/// <summary>
/// Under load, Reviews dies by SIGKILL right after a consumer's effect committed and before the broker heard the
/// acknowledgement (a failpoint puts the kill exactly there), and Submissions is SIGKILLed from outside at whatever
/// it was doing; each is started again. The redelivered message is skipped by the inbox, and the exit criterion holds.
/// </summary>
public sealed partial class ServiceKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string KillAfterConsuming = "FaultInjection__KillAfterConsuming";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(3);

    private readonly FailpointSystem _system = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["Reviews"] = new Dictionary<string, string> { [KillAfterConsuming] = "40" },
    });

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Reviews_then_Submissions_killed_mid_stream_and_restarted_lose_nothing_and_double_nothing()
    {
        var scenario = await FaultScenario.StartAsync("service-kill", _system);
        var reviews = _system.Service("Reviews");
        var submissions = _system.Service("Submissions");

        // Reviews kills itself between the 40th consumed message's commit and its acknowledgement.
        Assert.Equal(137, await reviews.ExitCodeWithinAsync(Bound));
        var killedAfter = KilledAfter().Match(reviews.LogTail(int.MaxValue));
        Assert.True(killedAfter.Success, $"the failpoint did not say which message it stopped at:\n{reviews.LogTail()}");
        var (messageType, messageId) = (killedAfter.Groups["type"].Value, killedAfter.Groups["id"].Value);
        await Task.Delay(Down);
        reviews.Restart(new Dictionary<string, string?> { [KillAfterConsuming] = null });
        await reviews.WaitUntilReadyAsync(Bound);
        await Eventually.True(() => reviews.LogTail(int.MaxValue).Contains($"Skipped {messageType} {messageId}", StringComparison.OrdinalIgnoreCase),
            $"the inbox skipping the redelivered {messageType} {messageId}", Bound);

        await Task.Delay(TimeSpan.FromSeconds(4));
        await submissions.KillAsync();
        await Task.Delay(Down);
        submissions.Restart();
        await submissions.WaitUntilReadyAsync(Bound);
        var submissionsBack = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(6));

        var figures = await scenario.StopAndCountAsync(submissionsBack);
        output.WriteLine($"{figures}; {scenario.Load.Unavailable} requests answered 503 while a service was down; " +
            $"Reviews killed after committing {messageType} {messageId}, skipped on redelivery; Submissions killed at random");
        Assert.True(scenario.Load.Unavailable > 0, "the load never met a stopped service: the kills did not land mid-stream");
    }

    [GeneratedRegex(@"FaultInjection: killing the process after consuming (?<type>\w+) (?<id>[0-9a-fA-F-]{36})")]
    private static partial Regex KilledAfter();
}

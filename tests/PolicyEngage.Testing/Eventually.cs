using System.Diagnostics;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>Waits for what another process or a background relay makes true, failing after a bound instead of hanging.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(30);

    public static Task True(Func<bool> condition, string what, TimeSpan? within = null) =>
        True(() => Task.FromResult(condition()), what, within);

    public static async Task True(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < (within ?? DefaultBound), $"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}

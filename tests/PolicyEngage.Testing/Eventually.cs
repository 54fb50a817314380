using System.Diagnostics;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>Waits for what another process or a background relay makes true, failing after a bound instead of hanging.</summary>
public static class Eventually
{
    public static Task True(Func<bool> condition, string what) => True(() => Task.FromResult(condition()), what);

    public static async Task True(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}

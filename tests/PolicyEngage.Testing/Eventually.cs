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

    /// <summary>Waits for a value that is null until another process makes it, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<T?> value, string what, TimeSpan? within = null) where T : class
    {
        T? found = null;
        await True(() => (found = value()) is not null, what, within);
        return found!;
    }
}

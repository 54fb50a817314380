using System.Diagnostics;

namespace PolicyEngage.Faults.Tests.Support;

/// <summary>
/// Waits for what other processes make true, returning the observation that satisfied it. The bound is wider than
/// Testing's <c>Eventually</c> because a scenario here may first sit out MassTransit's whole retry schedule.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> satisfied, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var observed = await observe();
            if (satisfied(observed)) return observed;
            if (clock.Elapsed > Bound) throw new TimeoutException($"Timed out after {Bound.TotalSeconds:0} s waiting for {what}; last observed: {Describe(observed)}");
            await Task.Delay(250);
        }
    }

    private static string Describe(object? observed) => observed switch
    {
        string text => text,
        System.Collections.IEnumerable items => $"[{string.Join("; ", items.Cast<object?>())}]",
        _ => $"{observed}",
    };
}

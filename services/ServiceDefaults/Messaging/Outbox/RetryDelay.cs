namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>Exponential back-off, capped, with jitter so that rows (or relays) that failed together do not retry together.</summary>
internal static class RetryDelay
{
    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row: first, 2×first, 4×first… up to max, then 50–100% of it.</summary>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var capped = Math.Min(first.TotalMilliseconds * Math.Pow(2, doublings), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
    }
}

namespace PolicyEngage.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile (0.5 the median, 0.95 the 95th) of the samples.</summary>
    public static double Of(IReadOnlyCollection<double> samples, double fraction)
    {
        if (samples.Count == 0) throw new InvalidOperationException("No samples to take a percentile of.");
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

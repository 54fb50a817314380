using System.Diagnostics.Metrics;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>How long compiling a digest takes: grouping like positions grows with their number and length.</summary>
public sealed class DigestMetrics
{
    public const string MeterName = "PolicyEngage.Digests";
    public const string CompileDurationHistogram = "policyengage.digests.compile_duration";

    // Milliseconds for a handful of positions, seconds from some thousands on (docs/digests.md: 7.9 s of grouping at 20,000).
    private static readonly IReadOnlyList<double> CompileBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Histogram<double> _compileDuration;
    private readonly TimeProvider _clock;

    public DigestMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        _clock = clock;
        _compileDuration = meterFactory.Create(MeterName).CreateHistogram(CompileDurationHistogram, unit: "s",
            description: "Compiling one digest from its sources: positions, statistics, groups and content hash.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CompileBuckets });
    }

    /// <summary>Times <paramref name="compile"/>: <c>compiled</c>, <c>refused</c> (a 409: the consultation is open, or texts are still arriving), or <c>failed</c>.</summary>
    public Digest TimeCompile(Func<Digest> compile)
    {
        var started = _clock.GetTimestamp();
        var outcome = "failed";
        try
        {
            var digest = compile();
            outcome = "compiled";
            return digest;
        }
        catch (StateConflictException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            _compileDuration.Record(_clock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

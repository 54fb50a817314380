using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace PolicyEngage.Testing.Metrics;

public static class Gauges
{
    /// <summary>What an observable gauge reads now: its callback is asked, as an exporter asks it at each collection.</summary>
    public static T? ReadNow<T>(this MetricCollector<T> gauge) where T : struct
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement?.Value;
    }
}

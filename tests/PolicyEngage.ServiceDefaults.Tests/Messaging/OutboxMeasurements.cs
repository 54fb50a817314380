using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>Listens to one host's outbox meter (other hosts in the process have meters of the same name).</summary>
internal sealed class OutboxMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();
    private readonly ConcurrentDictionary<string, long> _last = new();

    public OutboxMeasurements(IHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            _last[instrument.Name] = value;
        });
        _listener.Start();
    }

    /// <summary>What a counter has added up to since this listener started.</summary>
    public long Sum(string counter) => _sums.GetValueOrDefault(counter);

    /// <summary>What an observable gauge reads now.</summary>
    public long Gauge(string gauge)
    {
        _listener.RecordObservableInstruments();
        return _last.GetValueOrDefault(gauge, -1);
    }

    public void Dispose() => _listener.Dispose();
}

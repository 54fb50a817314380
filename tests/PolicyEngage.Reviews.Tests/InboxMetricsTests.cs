using MassTransit;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests;

/// <summary>What the inbox reports of a service's consumers, measured on the harness's own meters against a clock the test moves.</summary>
public sealed class InboxMetricsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.StartingNow();
    private ConsumerHarness<ReviewsDbContext, SqliteReviewsDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<ReviewsDbContext, SqliteReviewsDbContext>.StartAsync(
            bus => bus.AddConsumer<PositionPaperSubmittedConsumer>(), _clock);

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task A_redelivered_message_counts_one_duplicate_under_the_consumers_declared_name_and_a_first_delivery_none()
    {
        using var duplicates = new MetricCollector<long>(_consumers.Meters, InboxMetrics.MeterName, InboxMetrics.DuplicatesCounter);
        var submitted = PaperEvents.Submitted();

        await _consumers.DeliverAsync(submitted);
        Assert.Empty(duplicates.GetMeasurementSnapshot());

        await _consumers.DeliverAsync(submitted);
        var duplicate = Assert.Single(duplicates.GetMeasurementSnapshot());
        Assert.Equal(1, duplicate.Value);
        Assert.Equal("position-paper-submitted", duplicate.Tags["consumer"]);
        Assert.Equal(nameof(Contracts.PositionPaperSubmitted), duplicate.Tags["message_type"]);
    }

    [Fact]
    public async Task The_lag_runs_from_the_events_OccurredAt_to_the_consumer_starting_on_it()
    {
        using var lag = new MetricCollector<double>(_consumers.Meters, InboxMetrics.MeterName, InboxMetrics.LagHistogram);
        var submitted = PaperEvents.Submitted() with { OccurredAt = _clock.GetUtcNow().UtcDateTime };
        _clock.Advance(TimeSpan.FromSeconds(42.5));

        await _consumers.DeliverAsync(submitted);

        var measured = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(42.5, measured.Value);
        Assert.Equal("position-paper-submitted", measured.Tags["consumer"]);
        Assert.Equal(nameof(Contracts.PositionPaperSubmitted), measured.Tags["message_type"]);
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks.Pushes;

/// <summary>The tags of the attempts a receiver never answered or that ended their push, which a live round reaches only after hours of schedule.</summary>
public sealed class WebhookMetricsTests
{
    [Theory]
    [InlineData(null, PushState.Exhausted, "exhausted none")]
    [InlineData(null, PushState.Pending, "retry none")]
    [InlineData(410, PushState.Disabled, "gone 4xx")]
    public void An_attempt_is_tagged_with_what_it_came_to_and_its_status_class(int? statusCode, PushState pushState, string expected)
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<WebhookMetrics>().BuildServiceProvider();
        using var attempts = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), WebhookMetrics.MeterName, WebhookMetrics.AttemptsCounter);
        var error = statusCode is null ? "No answer within 00:00:15 (Webhooks:Timeout)." : null;

        services.GetRequiredService<WebhookMetrics>().Attempted(new WebhookAttemptOutcome(DateTimeOffset.UtcNow, statusCode, error, 15_000, null), pushState);

        var counted = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(expected, $"{counted.Tags["outcome"]} {counted.Tags["status_class"]}");
    }
}

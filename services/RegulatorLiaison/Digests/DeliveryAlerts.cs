using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyEngage.ServiceDefaults.Health;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>A digest stuck in <c>Delivering</c> shows in readiness (Degraded, still 200) and in a metric.</summary>
public static class DeliveryAlerts
{
    public static IHostApplicationBuilder AddDigestDeliveryAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DeliveryAlertOptions>(builder.Configuration.GetSection(DeliveryAlertOptions.Section));
        builder.Services.AddScoped<OverdueDeliveries>();
        builder.Services.AddSingleton<OverdueDeliveryMetrics>();
        builder.Services.AddHostedService<OverdueDeliveryWatch>();
        builder.Services.AddHealthChecks().AddCheck<OverdueDeliveryHealthCheck>("digest-deliveries", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}

internal sealed class OverdueDeliveryHealthCheck(OverdueDeliveries overdue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var measured = await overdue.MeasureAsync(cancellationToken);
        return measured.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"{measured.Count} digest(s) Delivering for longer than {overdue.AlertAfter}, the oldest since {measured.OldestRequestedAt:O}: Submissions has not answered.");
    }
}

public sealed class OverdueDeliveryMetrics
{
    private long _overdue;

    public OverdueDeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(DigestMetrics.MeterName);
        meter.CreateObservableGauge("policyengage.digests.delivery_overdue", () => Volatile.Read(ref _overdue),
            description: "Digests Delivering for longer than Digests:DeliveryAlertAfter.");
    }

    public void Record(OverdueDeliveryCount measured) => Volatile.Write(ref _overdue, measured.Count);
}

internal sealed class OverdueDeliveryWatch(IServiceScopeFactory scopes, OverdueDeliveryMetrics metrics, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<DeliveryAlertOptions> options, ILogger<OverdueDeliveryWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var measured = await scope.ServiceProvider.GetRequiredService<OverdueDeliveries>().MeasureAsync(stoppingToken);
                metrics.Record(measured);
                if (measured.Count > 0)
                    logger.LogWarning("{Count} digest(s) Delivering for longer than {AlertAfter}; the oldest since {OldestRequestedAt:O}",
                        measured.Count, options.Value.DeliveryAlertAfter, measured.OldestRequestedAt);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Measuring overdue digest deliveries failed");
            }
            try
            {
                await Task.Delay(options.Value.DeliveryWatchInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

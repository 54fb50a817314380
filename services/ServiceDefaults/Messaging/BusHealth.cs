using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyEngage.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit reports a bus whose endpoints stopped with the broker as Degraded, which readiness now answers with 200
/// (Degraded means parked outbox rows). A bus that lost its broker is not ready, so its Degraded is read as Unhealthy.
/// </summary>
internal static class BusHealth
{
    private const string MassTransitTag = "masstransit";

    public static void TreatDegradedAsUnhealthy(HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations.Where(r => r.Tags.Contains(MassTransitTag)).ToList())
        {
            options.Registrations.Remove(registration);
            options.Registrations.Add(new HealthCheckRegistration(
                registration.Name,
                services => new DegradedIsUnhealthy(registration.Factory(services)),
                HealthStatus.Unhealthy,
                registration.Tags,
                registration.Timeout));
        }
    }

    private sealed class DegradedIsUnhealthy(IHealthCheck bus) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var result = await bus.CheckHealthAsync(context, cancellationToken);
            return result.Status == HealthStatus.Degraded
                ? HealthCheckResult.Unhealthy(result.Description, result.Exception, result.Data)
                : result;
        }
    }
}

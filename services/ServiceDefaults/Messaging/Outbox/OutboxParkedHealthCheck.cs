using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Degraded while any outbox row is parked: the service still works (readiness stays 200) but an event is stuck
/// until an operator looks. A lost database fails the count, and so this check, as Unhealthy.
/// </summary>
internal sealed class OutboxParkedHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TContext : ServiceDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var parked = await ParkedRows.CountAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken);
        return parked == 0
            ? HealthCheckResult.Healthy("No outbox row is parked.")
            : HealthCheckResult.Degraded($"{parked} outbox row(s) parked after Outbox:MaxAttempts failed attempts; see docs/messaging.md.");
    }
}

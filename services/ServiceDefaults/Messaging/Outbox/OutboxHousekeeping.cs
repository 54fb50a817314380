using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>What the relay loop does besides relaying: deleting old sent rows and measuring the backlog for the metrics.</summary>
public sealed class OutboxHousekeeping<TContext>(
    IServiceScopeFactory scopes,
    OutboxMetrics metrics,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxHousekeeping<TContext>> logger)
    where TContext : ServiceDbContext
{
    public async Task DeleteSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.SentRetention;
        var deleted = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} sent outbox rows older than {Cutoff:O}", deleted, cutoff);
    }

    public async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Parked rows are counted on their own: one would otherwise hold the oldest-unsent age up for good.
        var waiting = db.OutboxMessages.Where(m => m.SentAt == null && m.ParkedAt == null);
        var count = await waiting.LongCountAsync(cancellationToken);
        var oldest = await waiting.OrderBy(m => m.Id).Select(m => (DateTime?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var parked = await ParkedRows.CountAsync(db, cancellationToken);
        metrics.Backlog(count, parked, oldest is { } occurredAt ? clock.GetUtcNow().UtcDateTime - occurredAt : TimeSpan.Zero);
    }
}

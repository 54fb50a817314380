using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>Deletes inbox rows past <see cref="InboxOptions.Retention"/>, oldest first, in bounded batches.</summary>
public sealed class InboxPruner<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    ILogger<InboxPruner<TContext>> logger)
    where TContext : ServiceDbContext
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        bool full;
        do
        {
            (var deleted, full) = await PruneBatchAsync(cancellationToken);
            total += deleted;
        } while (full);
        if (total > 0) logger.LogInformation("Pruned {Count} inbox rows older than {Retention}", total, options.Value.Retention);
        return total;
    }

    /// <summary>
    /// Deletes the rows of up to one batch of the oldest expired message ids (select the ids, then delete where the id is
    /// among them: provider-neutral, and each statement bounded). Full when a whole batch of ids was found.
    /// </summary>
    internal async Task<(int Deleted, bool Full)> PruneBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        var ids = await db.InboxMessages
            .Where(m => m.ProcessedAt < cutoff)
            .OrderBy(m => m.ProcessedAt)
            .Select(m => m.MessageId)
            .Take(options.Value.PruneBatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0) return (0, false);

        var deleted = await db.InboxMessages
            .Where(m => ids.Contains(m.MessageId) && m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        return (deleted, ids.Count == options.Value.PruneBatchSize);
    }
}

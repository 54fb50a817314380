using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Messaging.Broker;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Moves committed outbox rows to the broker: claim a batch with a conditional update (so relays in several
/// instances never take the same row), publish the batch concurrently with publisher confirms, mark what the
/// broker confirmed as sent, and release the rest for the next round.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxMetrics metrics,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    BrokerUser brokerUser,
    ILogger<OutboxRelay<TContext>> logger)
    where TContext : ServiceDbContext
{
    internal static readonly ActivitySource ActivitySource = new("PolicyEngage.Outbox");

    private readonly OutboxOptions _options = options.Value;

    /// <summary>Relays one batch; returns how many rows it claimed (0 when nothing waits).</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claim = await ClaimAsync(db, cancellationToken);
        if (claim.Rows.Count == 0) return 0;

        var published = await PublishAsync(claim.Rows, cancellationToken);
        await CompleteAsync(db, claim, published, cancellationToken);
        return claim.Rows.Count;
    }

    internal async Task<OutboxClaim> ClaimAsync(TContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await Claimable(db, now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return new OutboxClaim(Guid.Empty, []);

        // Compare-and-set: the predicate is checked again on each row as it is updated, so a row another relay
        // claimed between our read and this update is left to it.
        var token = Guid.NewGuid();
        var until = now + _options.ClaimDuration;
        await Claimable(db, now)
            .Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntil, until), cancellationToken);

        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimToken == token && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return new OutboxClaim(token, rows);
    }

    /// <summary>Publishes concurrently and awaits the confirms together; returns the ids the broker confirmed.</summary>
    internal async Task<IReadOnlyList<long>> PublishAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var outcomes = await Task.WhenAll(rows.Select(row => PublishOneAsync(row, timeout.Token)));
        var published = rows.Where((_, index) => outcomes[index]).Select(row => row.Id).ToList();

        metrics.Published(published.Count);
        if (published.Count < rows.Count)
        {
            metrics.PublishFailed(rows.Count - published.Count);
            logger.LogWarning("Outbox relay published {Published} of {Claimed} rows; the rest are retried", published.Count, rows.Count);
        }
        return published;
    }

    private async Task<bool> PublishOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var requestContext);
        using var activity = ActivitySource.StartActivity($"outbox relay {row.MessageType}", ActivityKind.Producer, requestContext);
        try
        {
            var message = row.DeserializeEvent();
            await bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = row.MessageId;
                // RabbitMQ checks user_id against this connection's user: consumers can trust who produced the event.
                if (context.TryGetPayload(out RabbitMqSendContext? rabbit)) rabbit.BasicProperties.UserId = brokerUser.Name;
            }, cancellationToken);
            return true;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            logger.LogWarning(exception, "Publishing outbox row {Id} ({MessageType}) failed", row.Id, row.MessageType);
            return false;
        }
    }

    internal async Task CompleteAsync(TContext db, OutboxClaim claim, IReadOnlyList<long> published, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (published.Count > 0)
        {
            await db.OutboxMessages
                .Where(m => m.ClaimToken == claim.Token && published.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, now), cancellationToken);
        }
        if (published.Count < claim.Rows.Count)
        {
            // Release what failed so the next round (of any relay) takes it at once rather than after the claim expires.
            await db.OutboxMessages
                .Where(m => m.ClaimToken == claim.Token && m.SentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        }
    }

    public async Task DeleteSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - _options.SentRetention;
        var deleted = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} sent outbox rows older than {Cutoff:O}", deleted, cutoff);
    }

    public async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var unsent = db.OutboxMessages.Where(m => m.SentAt == null);
        var waiting = await unsent.LongCountAsync(cancellationToken);
        var oldest = await unsent.OrderBy(m => m.Id).Select(m => (DateTime?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        metrics.Backlog(waiting, oldest is { } occurredAt ? clock.GetUtcNow().UtcDateTime - occurredAt : TimeSpan.Zero);
    }

    private static IQueryable<OutboxMessage> Claimable(TContext db, DateTime now) =>
        db.OutboxMessages.Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}

internal sealed record OutboxClaim(Guid Token, IReadOnlyList<OutboxMessage> Rows);

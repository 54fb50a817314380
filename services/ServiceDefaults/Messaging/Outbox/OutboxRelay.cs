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
/// Moves committed outbox rows to the broker: claim a batch of due rows with a conditional update (so relays in several
/// instances never take the same row), publish the batch concurrently with publisher confirms, mark what the broker
/// confirmed as sent, count failures against the rows that caused them, and release the rest for the next round.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxMetrics metrics,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    BrokerUser brokerUser,
    ILogger<OutboxRelay<TContext>> logger)
    where TContext : ServiceDbContext
{
    internal static readonly ActivitySource ActivitySource = new("PolicyEngage.Outbox");

    private readonly OutboxOptions _options = options.Value;

    public async Task<RelayRound> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claim = await ClaimAsync(db, cancellationToken);
        if (claim.Rows.Count == 0) return RelayRound.Idle;

        var round = await PublishAsync(claim.Rows, cancellationToken);
        await CompleteAsync(db, claim, round, cancellationToken);
        return new RelayRound(claim.Rows.Count, round.Sent.Count, round.BrokerUnavailable);
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

        // By the candidates' keys alone: the claim token has no index, and SQLite, given "SentAt IS NULL" too, searches
        // that index and walks the whole backlog. A row sent meanwhile is left out here instead.
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.ClaimToken == token)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return new OutboxClaim(token, rows.Where(m => m.SentAt == null).ToList());
    }

    /// <summary>
    /// Publishes the batch concurrently, then sorts out who is to blame for what failed. A row at fault on its own
    /// (unreadable, or returned unroutable) is counted at once. Any other failure is ambiguous: a publish the broker
    /// refuses closes the channel (MassTransit then retries it, and its neighbours, until the timeout), and an
    /// unreachable broker looks just the same. So when nothing was confirmed and the bus has lost its broker, nothing is
    /// counted and the relay backs off as a whole. Otherwise the ambiguous rows are tried again one at a time, and a row
    /// that fails alone is counted, as long as the broker is evidently there (a publish was confirmed this round, or the
    /// bus is connected); a good row that shared a channel with a refused one is sent on its second try, never counted.
    /// A row that has failed before is kept out of the concurrent batch and tried alone after it, so it costs one
    /// timeout, never again holds up its neighbours' confirms, and follows rows that show the broker takes publishes.
    /// </summary>
    internal async Task<RoundOutcome> PublishAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var outcomes = await PublishWithinTimeoutAsync(rows.Where(r => r.Attempts == 0).ToList(), cancellationToken);
        var sent = outcomes.Where(o => o.Result == PublishResult.Confirmed).Select(o => o.Row.Id).ToList();
        var counted = outcomes.Where(o => o.Result == PublishResult.RowFault).ToList();
        var unconfirmed = outcomes.Where(o => o.Result == PublishResult.Unconfirmed).Select(o => o.Row).ToList();
        var ambiguous = unconfirmed.Concat(rows.Where(r => r.Attempts > 0)).ToList();
        var brokerUnavailable = false;

        if (unconfirmed.Count > 0 && sent.Count == 0 && !BrokerConnected())
            brokerUnavailable = true;
        else
        {
            foreach (var row in ambiguous)
            {
                var alone = (await PublishWithinTimeoutAsync([row], cancellationToken)).Single();
                if (alone.Result == PublishResult.Confirmed) sent.Add(row.Id);
                else if (alone.Result == PublishResult.RowFault || sent.Count > 0 || BrokerConnected()) counted.Add(alone);
                else
                {
                    brokerUnavailable = true;
                    break;
                }
            }
        }

        metrics.Published(sent.Count);
        if (sent.Count < rows.Count)
        {
            metrics.PublishFailed(rows.Count - sent.Count);
            logger.LogWarning("Outbox relay published {Published} of {Claimed} rows; {Counted} failures counted against their rows{Outage}",
                sent.Count, rows.Count, counted.Count, brokerUnavailable ? "; the broker looks unreachable" : "");
        }
        return new RoundOutcome(sent, counted, brokerUnavailable);
    }

    /// <summary>
    /// Each publish is given up at the timeout even where MassTransit does not honour the token: a publish that met a
    /// channel the broker had just closed (a refused publish beside it) was seen waiting forever on the exchange's
    /// one-time topology setup, and with it the whole round.
    /// </summary>
    private async Task<PublishOutcome[]> PublishWithinTimeoutAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        return await Task.WhenAll(rows.Select(row => PublishOneAsync(row, timeout.Token)));
    }

    private async Task<PublishOutcome> PublishOneAsync(OutboxMessage row, CancellationToken cancellationToken)
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
                // An event no queue is bound to comes back (basic.return) instead of being dropped, so it is not marked sent.
                context.Mandatory = true;
            }, cancellationToken).WaitAsync(cancellationToken);
            return PublishOutcome.Confirmed(row);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            logger.LogWarning(exception, "Publishing outbox row {Id} ({MessageType}) failed", row.Id, row.MessageType);
            var result = IsRowFault(exception) ? PublishResult.RowFault : PublishResult.Unconfirmed;
            var error = exception is OperationCanceledException
                ? $"Not confirmed within {_options.PublishTimeout} (refused by the broker, or the broker unreachable)"
                : $"{exception.GetType().Name}: {exception.Message}";
            return new PublishOutcome(row, result, error);
        }
    }

    /// <summary>Failures that say nothing about the broker: the row cannot be read, or the broker returned it as unroutable.</summary>
    private static bool IsRowFault(Exception exception) =>
        exception is MessageReturnedException or TypeLoadException or System.Text.Json.JsonException;

    /// <summary>The bus's receive endpoints are up, so its connection to the broker is (a bus with none cannot tell).</summary>
    private bool BrokerConnected() => bus.CheckHealth() is { Status: BusHealthStatus.Healthy, Endpoints.Count: > 0 };

    internal async Task CompleteAsync(TContext db, OutboxClaim claim, RoundOutcome round, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (round.Sent.Count > 0)
        {
            await db.OutboxMessages
                .Where(m => m.ClaimToken == claim.Token && round.Sent.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, now), cancellationToken);
        }
        foreach (var failure in round.Counted)
            await CountFailureAsync(db, claim, failure, now, cancellationToken);

        // Release what is left so the next round (of any relay) takes it as soon as it is due, not after the claim expires.
        if (round.Sent.Count < claim.Rows.Count)
        {
            // By key, as the claim read them; releasing a row that was sent meanwhile changes nothing.
            var claimed = claim.Rows.Select(r => r.Id).ToList();
            await db.OutboxMessages
                .Where(m => claimed.Contains(m.Id) && m.ClaimToken == claim.Token)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        }
    }

    private async Task CountFailureAsync(TContext db, OutboxClaim claim, PublishOutcome failure, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = failure.Row.Attempts + 1;
        var parked = attempts >= _options.MaxAttempts;
        DateTime? parkedAt = parked ? now : null;
        var nextAttemptAt = now + RetryDelay.After(attempts, _options.FirstRetryDelay, _options.MaxRetryDelay);
        var error = failure.Error is { Length: > OutboxMessage.LastErrorLength } text ? text[..OutboxMessage.LastErrorLength] : failure.Error;

        await db.OutboxMessages
            .Where(m => m.Id == failure.Row.Id && m.ClaimToken == claim.Token)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.ParkedAt, parkedAt)
                .SetProperty(m => m.LastError, error), cancellationToken);
        metrics.AttemptFailed();
        if (parked)
        {
            logger.LogError("Parked outbox row {Id} ({MessageType}, message {MessageId}) after {Attempts} failed attempts; last error: {Error}",
                failure.Row.Id, failure.Row.MessageType, failure.Row.MessageId, attempts, error);
        }
    }

    private static IQueryable<OutboxMessage> Claimable(TContext db, DateTime now) =>
        db.OutboxMessages.Where(m => m.SentAt == null && m.ParkedAt == null
            && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}

internal sealed record OutboxClaim(Guid Token, IReadOnlyList<OutboxMessage> Rows);

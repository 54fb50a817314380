using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.ServiceDefaults.Messaging.FaultInjection;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

/// <summary>
/// Every <see cref="WebhookOptions.PollInterval"/>, claims the pushes that are due and attempts each once. The claim is a
/// conditional update (as the outbox relay claims rows), so two RegulatorLiaison processes never make the same attempt;
/// it lasts longer than an attempt can, and a process killed mid-attempt leaves it to lapse, after which the push is
/// attempted again with the same <c>webhook-id</c> and body.
/// </summary>
internal sealed class DigestPushDispatcher(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookMetrics metrics,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    IOptions<FaultInjectionOptions> faults,
    ILogger<DigestPushDispatcher> logger) : BackgroundService
{
    public static readonly ActivitySource Tracing = new("PolicyEngage.Webhooks");

    private const int BatchSize = 20;
    private const int ParallelAttempts = 4;
    // Beyond the attempt's own timeout: time to record its answer, however busy the database.
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(10);

    private int _attempted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = ParallelAttempts, CancellationToken = stoppingToken },
                    (claim, ct) => new ValueTask(AttemptAsync(claim, ct)));
                if (claimed.Count == BatchSize) continue;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A round of digest pushes failed; trying again after the poll interval");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<IReadOnlyList<PushClaim>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegulatorLiaisonDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(db, now).OrderBy(p => p.NextAttemptAt).ThenBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return [];

        // Compare-and-set: a push another dispatcher claimed between the read and this update no longer matches.
        var token = Guid.NewGuid();
        await Due(db, now).Where(p => due.Contains(p.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.ClaimToken, token)
            .SetProperty(p => p.ClaimedUntil, now + options.Value.Timeout + ClaimMargin), ct);
        var claimed = await db.DigestPushes.Where(p => due.Contains(p.Id) && p.ClaimToken == token).Select(p => p.Id).ToListAsync(ct);
        return claimed.Select(id => new PushClaim(id, token)).ToList();
    }

    internal async Task AttemptAsync(PushClaim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegulatorLiaisonDbContext>();
        var push = await db.DigestPushes.SingleOrDefaultAsync(p => p.Id == claim.PushId && p.ClaimToken == claim.Token, ct);
        if (push is null) return;
        using var activity = StartAttemptActivity(push);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == push.EndpointId, ct);
        var digest = await db.Digests.SingleAsync(d => d.Id == push.DigestId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (endpoint.EndReason is { } ended)
        {
            push.Disable(ended, now);
            await SavedAsync(db, push, ct);
            return;
        }

        var composing = push.Body is null;
        var body = push.BodyFor(digest, now);
        // Fixed before it leaves: a repeat after a crash between the answer and its record is then byte for byte the same.
        if (composing && !await SavedAsync(db, push, ct)) return;
        var outcome = await sender.SendAsync(new Uri(endpoint.Url), push.WebhookId, body, endpoint.SigningSecrets(now), ct);
        KillHereIfAsked(push);

        now = clock.GetUtcNow().UtcDateTime;
        if (push.Record(outcome, options.Value.RetrySpans(), now))
        {
            endpoint.Disable(now);
            await DigestPushes.DisablePendingAsync(db, endpoint, now, ct);
        }
        // Counted whether or not its record is saved below: the receiver had it all the same.
        metrics.Attempted(outcome, push.State);
        if (!await SavedAsync(db, push, ct)) return;
        logger.LogInformation("Push {WebhookId} attempt {Attempt} to endpoint {EndpointId}: {Status} {Error}; now {State}",
            push.WebhookId, push.Attempts.Count, endpoint.Id, outcome.StatusCode, outcome.Error, push.State);
    }

    /// <summary>A trace of its own (the events the attempt raises continue it), linked to the delivery's that scheduled the push.</summary>
    private static Activity? StartAttemptActivity(DigestPush push)
    {
        ActivityLink[] links = ActivityContext.TryParse(push.ScheduledByTrace, null, out var scheduledBy) ? [new ActivityLink(scheduledBy)] : [];
        var activity = Tracing.StartActivity(ActivityKind.Internal, parentContext: default, name: "webhook push", links: links);
        activity?.SetTag("policyengage.webhook.id", push.WebhookId);
        activity?.SetTag("policyengage.webhook.attempt", push.Attempts.Count + 1);
        return activity;
    }

    /// <summary>False when the push changed hands meanwhile: its endpoint was deleted, or the claim lapsed and another dispatcher took it over (theirs counts).</summary>
    private async Task<bool> SavedAsync(RegulatorLiaisonDbContext db, DigestPush push, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Push {WebhookId} changed hands during its attempt; this attempt is not recorded", push.WebhookId);
            return false;
        }
    }

    /// <summary>The fault suite's failpoint: the receiver has answered, and nothing of it is recorded.</summary>
    private void KillHereIfAsked(DigestPush push)
    {
        if (faults.Value.KillAfterPushAttempts is not { } limit || Interlocked.Increment(ref _attempted) != limit) return;
        Console.Error.WriteLine($"FaultInjection: killing the process after push {push.WebhookId} was answered, before it is recorded");
        Process.GetCurrentProcess().Kill();
    }

    private static IQueryable<DigestPush> Due(RegulatorLiaisonDbContext db, DateTime now) =>
        db.DigestPushes.Where(p => p.State == PushState.Pending && p.NextAttemptAt <= now && (p.ClaimedUntil == null || p.ClaimedUntil < now));
}

internal sealed record PushClaim(Guid PushId, Guid Token);

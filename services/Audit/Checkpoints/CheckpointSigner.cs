using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Audit.Checkpoints;

/// <summary>
/// Every <see cref="LedgerOptions.CheckpointInterval"/>, signs a checkpoint of the tree when it has grown since the last
/// one, after verifying what came since the last verified head, and measures the events waiting for their cause
/// (<see cref="WaitingEventsMetrics"/>).
/// </summary>
internal sealed class CheckpointSigner(
    IServiceScopeFactory scopes,
    NoteSigner signer,
    LedgerAppender appender,
    WaitingEventsMetrics waiting,
    TimeProvider clock,
    IOptions<LedgerOptions> options,
    ILogger<CheckpointSigner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SignIfGrownAsync(stoppingToken);
            }
            catch (DbUpdateException exception)
            {
                logger.LogInformation(exception, "Another signer took this checkpoint's size first");
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Signing a ledger checkpoint failed; trying again after the interval");
            }
            try
            {
                await Task.Delay(options.Value.CheckpointInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<LedgerCheckpoint?> SignIfGrownAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        waiting.Record(await WaitingEvents.MeasureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken));
        var tree = new LedgerTree(db);
        var head = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        await VerifyAheadAsync(db, cancellationToken);
        await tree.CatchUpAsync(head, cancellationToken);
        var size = await tree.SizeAsync(cancellationToken);
        var signed = await db.LedgerCheckpoints.MaxAsync(c => (long?)c.TreeSize, cancellationToken) ?? 0;
        if (size <= signed) return null;
        if (!await IsSignerAsync(db, signed, cancellationToken)) return null;

        var checkpoint = LedgerCheckpoint.Sign(signer, size, await tree.RootAsync(size, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.LedgerCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Signed the ledger checkpoint of size {TreeSize}, root {RootHash}", checkpoint.TreeSize, checkpoint.RootHash);
        return checkpoint;
    }

    /// <summary>Checks what came since the last verified head and records the new one, so that a verify request starts near the head.</summary>
    private async Task VerifyAheadAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var verification = await new LedgerVerifier(db, clock).VerifyAsync(full: false, recordHead: true, cancellationToken);
        if (!verification.Valid)
            logger.LogError("The ledger does not verify from sequence {FirstInvalidSequence} on", verification.FirstInvalidSequence);
    }

    /// <summary>
    /// The appender signs. Another process signs only when the first unsigned entry has waited three intervals: the
    /// appender is gone, or a restart left entries unsigned.
    /// </summary>
    private async Task<bool> IsSignerAsync(AuditDbContext db, long signed, CancellationToken cancellationToken)
    {
        var stale = clock.GetUtcNow().UtcDateTime - 3 * options.Value.CheckpointInterval;
        if (appender.AppendedSince(stale)) return true;
        var firstUnsigned = await db.LedgerEntries.Where(e => e.Sequence == signed + 1).Select(e => (DateTime?)e.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        return firstUnsigned < stale;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Audit.Checkpoints;

/// <summary>
/// Every <see cref="LedgerOptions.CheckpointInterval"/>, measures the events waiting for their cause
/// (<see cref="WaitingEventsMetrics"/>) and, in the one process holding the <see cref="SignerLease"/>, signs a checkpoint
/// of the tree when it has grown since the last one, after verifying what came since the last verified head.
/// </summary>
internal sealed class CheckpointSigner(
    IServiceScopeFactory scopes,
    NoteSigner signer,
    WaitingEventsMetrics waiting,
    TimeProvider clock,
    IOptions<LedgerOptions> options,
    ILogger<CheckpointSigner> logger) : BackgroundService
{
    /// <summary>This process, as the lease names it: a restarted process on the same machine is another holder.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private bool _holding;

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
                break;
            }
        }
        await ReleaseLeaseAsync();
    }

    internal async Task<LedgerCheckpoint?> SignIfGrownAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        waiting.Record(await WaitingEvents.MeasureAsync(db, now, cancellationToken));
        if (!await HoldsLeaseAsync(db, now, cancellationToken)) return null;

        var tree = new LedgerTree(db);
        var head = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        await VerifyAheadAsync(db, cancellationToken);
        await tree.CatchUpAsync(head, cancellationToken);
        var size = await tree.SizeAsync(cancellationToken);
        var signed = await db.LedgerCheckpoints.MaxAsync(c => (long?)c.TreeSize, cancellationToken) ?? 0;
        if (size <= signed) return null;

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

    /// <summary>A process that stops in good order lets the next one sign at once, rather than after the lease lapses.</summary>
    private async Task ReleaseLeaseAsync()
    {
        if (!_holding) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SignerLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AuditDbContext>(), _holder, bounded.Token);
            logger.LogInformation("Released the checkpoint signer's lease");
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not release the checkpoint signer's lease; another process signs once it lapses");
        }
    }

    private async Task<bool> HoldsLeaseAsync(AuditDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var holding = await SignerLease.TryHoldAsync(db, _holder, now, options.Value.SignerLease, cancellationToken);
        if (holding != _holding)
        {
            if (holding) logger.LogInformation("Holding the checkpoint signer's lease as {Holder}", _holder);
            else logger.LogWarning("Lost the checkpoint signer's lease to another process");
        }
        _holding = holding;
        return holding;
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// The hash chain as a whole. Events arrive from several services' queues in any order, yet the ledger never
/// sequences an event before the event its causationId names: an arrival whose cause is not in the ledger waits as a
/// <see cref="PendingEvent"/>; one that is appended releases the events waiting for it, found by their cause's id, and
/// those release theirs, all in the same save as the arrival. Each entry's Merkle leaf is saved with it.
/// </summary>
public sealed class LedgerChain(AuditDbContext db)
{
    /// <summary>
    /// Takes in an event and appends what it makes ready (one arrival can release a whole chain of waiting events).
    /// Changes tracked entities only; the caller saves. Returns false for an event already received.
    /// </summary>
    public async Task<bool> ReceiveAsync(PendingEvent arrival, CancellationToken cancellationToken)
    {
        if (await db.LedgerEntries.AnyAsync(e => e.EventId == arrival.EventId, cancellationToken)
            || await db.PendingEvents.AnyAsync(e => e.EventId == arrival.EventId, cancellationToken))
            return false;

        if (arrival.CausationId is { } cause && !await db.LedgerEntries.AnyAsync(e => e.EventId == cause, cancellationToken))
        {
            db.PendingEvents.Add(arrival);
            return true;
        }
        await AppendWithWhatWaitsForItAsync(arrival, cancellationToken);
        return true;
    }

    /// <summary>Appends the event, then each event waiting for it (earliest received first), and so on down the chain.</summary>
    private async Task AppendWithWhatWaitsForItAsync(PendingEvent ready, CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? LedgerEntry.GenesisHash;
        var tree = new LedgerTree(db);
        await tree.CatchUpAsync(sequence, cancellationToken);

        var queue = new Queue<PendingEvent>([ready]);
        while (queue.TryDequeue(out var next))
        {
            var entry = LedgerEntry.Chain(next, ++sequence, previousHash, ready.ReceivedAt);
            db.LedgerEntries.Add(entry);
            await tree.AppendAsync(entry, cancellationToken);
            previousHash = entry.Hash;
            var released = await db.PendingEvents
                .Where(e => e.CausationId == next.EventId)
                .OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId)
                .ToListAsync(cancellationToken);
            foreach (var waiting in released)
            {
                db.PendingEvents.Remove(waiting);
                queue.Enqueue(waiting);
            }
        }
    }
}

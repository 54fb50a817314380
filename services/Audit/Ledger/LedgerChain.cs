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
        await CatchUpAsync(tree, sequence, cancellationToken);

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

    /// <summary>
    /// Entries recorded before the ledger had a tree get their leaves now, oldest first, before any new entry: once, on
    /// the first arrival after the upgrade. From then on each entry's leaf is saved with the entry.
    /// </summary>
    private async Task CatchUpAsync(LedgerTree tree, long headSequence, CancellationToken cancellationToken)
    {
        var treeSize = await tree.SizeAsync(cancellationToken);
        if (treeSize >= headSequence) return;
        var behind = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > treeSize).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        foreach (var entry in behind) await tree.AppendAsync(entry, cancellationToken);
    }

    /// <summary>
    /// Recomputes the chain from the stored rows, streaming them in sequence order: sequences run 1, 2, 3…, each
    /// previousHash is the prior entry's hash (the genesis hash first) and each hash recomputes from its data.
    /// </summary>
    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var links = db.LedgerEntries.AsNoTracking()
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.PreviousHash, e.Data, e.Hash })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        long count = 0;
        long? firstInvalid = null;
        var previousHash = LedgerEntry.GenesisHash;
        await foreach (var link in links)
        {
            count++;
            if (firstInvalid is null)
            {
                // A missing sequence number is itself the first invalid one.
                if (link.Sequence != count) firstInvalid = count;
                else if (link.PreviousHash != previousHash || LedgerEntry.HashOf(previousHash, link.Data) != link.Hash) firstInvalid = link.Sequence;
            }
            previousHash = link.Hash;
        }
        return new LedgerVerification(firstInvalid is null, count, previousHash, firstInvalid);
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// The hash chain as a whole. Events arrive from several services' queues in any order, yet the ledger never
/// sequences an event before the event its causationId names: each arrival waits as a <see cref="PendingEvent"/>,
/// and every waiting event whose cause is in the ledger is then appended, in the same save as the arrival.
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

        db.PendingEvents.Add(arrival);
        var waiting = await db.PendingEvents.ToListAsync(cancellationToken);
        waiting.Add(arrival);
        await AppendReadyAsync(waiting, arrival.ReceivedAt, cancellationToken);
        return true;
    }

    /// <summary>Appends, earliest received first (then by event id), each waiting event whose cause is sequenced, until none is.</summary>
    private async Task AppendReadyAsync(List<PendingEvent> waiting, DateTime now, CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? LedgerEntry.GenesisHash;
        var sequenced = await SequencedCausesAsync(waiting, cancellationToken);

        var queue = waiting.OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId).ToList();
        while (queue.FirstOrDefault(e => e.CausationId is not { } cause || sequenced.Contains(cause)) is { } ready)
        {
            var entry = LedgerEntry.Chain(ready, ++sequence, previousHash, now);
            db.LedgerEntries.Add(entry);
            db.PendingEvents.Remove(ready);
            queue.Remove(ready);
            sequenced.Add(ready.EventId);
            previousHash = entry.Hash;
        }
    }

    private async Task<HashSet<Guid>> SequencedCausesAsync(List<PendingEvent> waiting, CancellationToken cancellationToken)
    {
        var causes = waiting.Select(e => e.CausationId).OfType<Guid>().Distinct().ToList();
        var sequenced = await db.LedgerEntries
            .Where(e => causes.Contains(e.EventId))
            .Select(e => e.EventId)
            .ToListAsync(cancellationToken);
        return sequenced.ToHashSet();
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

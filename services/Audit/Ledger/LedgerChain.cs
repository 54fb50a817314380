using System.Diagnostics;
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
    /// <summary>The ledger append's span, inside the consume span of the event's trace.</summary>
    public static readonly ActivitySource Tracing = new("PolicyEngage.Ledger");

    /// <summary>
    /// Takes in an event and appends what it makes ready (one arrival can release a whole chain of waiting events).
    /// Changes tracked entities only; the caller saves. Returns false for an event already received.
    /// </summary>
    public async Task<bool> ReceiveAsync(PendingEvent arrival, CancellationToken cancellationToken)
    {
        using var activity = Tracing.StartActivity("ledger append");
        activity?.SetTag("policyengage.event.id", arrival.EventId.ToString());
        activity?.SetTag("policyengage.event.type", arrival.EventType);
        if (await db.LedgerEntries.AnyAsync(e => e.EventId == arrival.EventId, cancellationToken)
            || await db.PendingEvents.AnyAsync(e => e.EventId == arrival.EventId, cancellationToken))
        {
            activity?.SetTag("policyengage.ledger.outcome", "received already");
            return false;
        }

        if (arrival.CausationId is { } cause && !await db.LedgerEntries.AnyAsync(e => e.EventId == cause, cancellationToken))
        {
            activity?.SetTag("policyengage.ledger.outcome", "waiting for its cause");
            db.PendingEvents.Add(arrival);
            return true;
        }
        var (first, count) = await AppendWithWhatWaitsForItAsync(arrival, cancellationToken);
        activity?.SetTag("policyengage.ledger.outcome", "appended");
        activity?.SetTag("policyengage.ledger.sequence", first);
        // More than one when the arrival released events that waited for it: their own traces began earlier.
        activity?.SetTag("policyengage.ledger.appended", count);
        return true;
    }

    /// <summary>Appends the event, then each event waiting for it (earliest received first), and so on down the chain.</summary>
    private async Task<(long First, int Count)> AppendWithWhatWaitsForItAsync(PendingEvent ready, CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? LedgerEntry.GenesisHash;
        var tree = new LedgerTree(db);
        await tree.CatchUpAsync(sequence, cancellationToken);

        var first = sequence + 1;
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
        return (first, (int)(sequence - first + 1));
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// Checks every row a timeline, a proof or an export reads, for each entry: its sequence follows the last without a
/// gap, its previousHash is the last entry's hash and its hash recomputes from its data; the consultation, paper and
/// paper-index rows are exactly what its data names; its stored leaf is the hash of its fields as a timeline shows them.
/// Then each checkpoint's root against the tree. Incremental (the default) checks what came after the last verified
/// head, with roots from the stored nodes; full checks everything and rebuilds the tree from the entries themselves.
/// </summary>
public sealed class LedgerVerifier(AuditDbContext db, TimeProvider clock)
{
    private const int BatchSize = 1000;

    /// <param name="recordHead">Whether to record how far the checks held (the signer does; a GET changes nothing).</param>
    public async Task<LedgerVerification> VerifyAsync(bool full, bool recordHead, CancellationToken cancellationToken)
    {
        var mark = full ? null : await db.VerifiedHeads.FindAsync([VerifiedHead.SingletonId], cancellationToken);
        var expected = (mark?.Sequence ?? 0) + 1;
        var previousHash = mark?.Hash ?? LedgerEntry.GenesisHash;
        long count = mark?.Sequence ?? 0;
        long? firstInvalid = null;
        // Full: the tree rebuilt from recomputed leaves, so a row and its stored leaf forged together still fail the signed roots.
        var rebuilt = full ? new Dictionary<NodeKey, byte[]>() : null;
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking()
            .Where(c => c.TreeSize > (mark == null ? 0 : mark.TreeSize))
            .OrderBy(c => c.TreeSize).Select(c => new { c.TreeSize, c.RootHash })
            .ToListAsync(cancellationToken);
        var nextCheckpoint = 0;
        var verifiedTreeSize = mark?.TreeSize ?? 0;

        // Each checkpoint the entries verified so far reach: its signed root must be the tree's.
        async Task CheckRootsAsync()
        {
            while (firstInvalid is null && nextCheckpoint < checkpoints.Count && checkpoints[nextCheckpoint].TreeSize < expected)
            {
                var checkpoint = checkpoints[nextCheckpoint++];
                var root = rebuilt is not null
                    ? MerkleTree.Root(checkpoint.TreeSize, rebuilt)
                    : await new LedgerTree(db).RootAsync(checkpoint.TreeSize, cancellationToken);
                if (Convert.ToHexStringLower(root) != checkpoint.RootHash) firstInvalid = checkpoint.TreeSize;
                else verifiedTreeSize = checkpoint.TreeSize;
            }
        }

        for (var from = expected - 1; ; from += BatchSize)
        {
            var entries = await db.LedgerEntries.AsNoTracking().Include(e => e.Papers)
                .Where(e => e.Sequence > from && e.Sequence <= from + BatchSize)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            if (entries.Count == 0 && !await db.LedgerEntries.AnyAsync(e => e.Sequence > from, cancellationToken)) break;
            var leaves = await db.LedgerTreeNodes.AsNoTracking()
                .Where(n => n.Level == 0 && n.Index >= from && n.Index < from + BatchSize)
                .ToDictionaryAsync(n => n.Index, n => n.Hash, cancellationToken);

            foreach (var entry in entries)
            {
                count++;
                var leaf = LedgerTree.LeafHashOf(entry);
                if (firstInvalid is null)
                {
                    if (entry.Sequence != expected) firstInvalid = expected;
                    else if (!Holds(entry, previousHash, leaf, leaves)) firstInvalid = entry.Sequence;
                }
                if (rebuilt is not null && firstInvalid is null)
                    foreach (var (key, hash) in MerkleTree.Append(entry.Sequence - 1, leaf, rebuilt)) rebuilt[key] = hash;
                expected = entry.Sequence + 1;
                previousHash = entry.Hash;
            }

            await CheckRootsAsync();
        }
        // Checkpoints the verified head already covered (signed after it was recorded) are checked too.
        await CheckRootsAsync();

        var latest = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);
        if (firstInvalid is null && nextCheckpoint < checkpoints.Count) firstInvalid = checkpoints[nextCheckpoint].TreeSize; // signed beyond the entries
        var valid = firstInvalid is null;
        if (recordHead && valid && (count > (mark?.Sequence ?? 0) || verifiedTreeSize > (mark?.TreeSize ?? 0)))
            await AdvanceMarkAsync(count, previousHash, verifiedTreeSize, cancellationToken);
        return new LedgerVerification(valid, count, previousHash, firstInvalid,
            latest?.TreeSize ?? 0, latest?.RootHash ?? Convert.ToHexStringLower(MerkleHash.Empty));
    }

    private static bool Holds(LedgerEntry entry, string previousHash, byte[] leaf, Dictionary<long, string> storedLeaves)
    {
        if (entry.PreviousHash != previousHash || LedgerEntry.HashOf(previousHash, entry.Data) != entry.Hash) return false;
        var references = StoredEvent.ReferencesOf(entry.Data);
        if (entry.ConsultationId != references.ConsultationId || entry.PaperId != references.PaperId) return false;
        if (!entry.Papers.Select(p => p.PaperId).Order().SequenceEqual(references.PaperIds.Order())) return false;
        return storedLeaves.TryGetValue(entry.Sequence - 1, out var stored) && stored == Convert.ToHexStringLower(leaf);
    }

    private async Task AdvanceMarkAsync(long sequence, string hash, long treeSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mark = await db.VerifiedHeads.FindAsync([VerifiedHead.SingletonId], cancellationToken);
        if (mark is null) db.VerifiedHeads.Add(mark = VerifiedHead.At(sequence, hash, treeSize, now));
        else mark.MoveTo(sequence, hash, treeSize, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another verification recorded its head at the same moment: either head was verified. Forgotten, so that
            // the caller's next save does not try it again.
            db.Entry(mark).State = EntityState.Detached;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// The ledger as an RFC 6962 Merkle tree (SPEC, "Ledger proofs"): leaf i is the entry of sequence i + 1, its leaf input
/// the canonical JSON of the entry exactly as a timeline shows it. Appending stores the O(log n) nodes the new leaf
/// completes; a root or a proof reads O(log n) stored nodes in one query, whatever the ledger's size.
/// </summary>
public sealed class LedgerTree(AuditDbContext db)
{
    /// <summary>Nodes added in this unit of work and not saved yet: a batch of appends reads its own writes.</summary>
    private readonly Dictionary<NodeKey, byte[]> _added = [];

    /// <summary>Adds the entry's leaf and what it completes; the caller saves them with the entry.</summary>
    public async Task AppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var leafIndex = entry.Sequence - 1;
        var stored = await NodesAsync(MerkleTree.NodesToAppend(leafIndex), cancellationToken);
        foreach (var (key, hash) in MerkleTree.Append(leafIndex, LeafHashOf(entry), stored))
        {
            _added[key] = hash;
            db.LedgerTreeNodes.Add(LedgerTreeNode.Of(key, hash));
        }
    }

    /// <summary>
    /// Entries recorded before the ledger had a tree get their leaves, oldest first: once, after the upgrade, by the first
    /// arrival or the checkpoint signer, whichever comes first (a collision on a node's key makes the other retry).
    /// From then on each entry's leaf is saved with the entry.
    /// </summary>
    public async Task CatchUpAsync(long headSequence, CancellationToken cancellationToken)
    {
        var treeSize = await SizeAsync(cancellationToken);
        if (treeSize >= headSequence) return;
        var behind = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > treeSize && e.Sequence <= headSequence)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        foreach (var entry in behind) await AppendAsync(entry, cancellationToken);
    }

    /// <summary>How many entries the stored tree covers.</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        var lastLeaf = await db.LedgerTreeNodes.Where(n => n.Level == 0).MaxAsync(n => (long?)n.Index, cancellationToken);
        return (lastLeaf ?? -1) + 1 + _added.Keys.Count(k => k.Level == 0);
    }

    public async Task<byte[]> RootAsync(long treeSize, CancellationToken cancellationToken) =>
        MerkleTree.Root(treeSize, await NodesAsync(MerkleTree.NodesForRoot(treeSize), cancellationToken));

    public async Task<IReadOnlyList<byte[]>> InclusionProofAsync(long leafIndex, long treeSize, CancellationToken cancellationToken) =>
        MerkleTree.InclusionProof(leafIndex, treeSize, await NodesAsync(MerkleTree.NodesForInclusion(leafIndex, treeSize), cancellationToken));

    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken) =>
        MerkleTree.ConsistencyProof(fromSize, toSize, await NodesAsync(MerkleTree.NodesForConsistency(fromSize, toSize), cancellationToken));

    /// <summary>The SPEC's leaf: SHA-256(0x00 ‖ canonical JSON of the entry's timeline fields).</summary>
    public static byte[] LeafHashOf(LedgerEntry entry) => LeafInput.HashOf(entry);

    private async Task<Dictionary<NodeKey, byte[]>> NodesAsync(IReadOnlyList<NodeKey> keys, CancellationToken cancellationToken)
    {
        var nodes = keys.Where(_added.ContainsKey).Distinct().ToDictionary(key => key, key => _added[key]);
        var positions = keys.Where(key => !nodes.ContainsKey(key)).Select(LedgerTreeNode.PositionOf).Distinct().ToList();
        if (positions.Count == 0) return nodes;
        var stored = await db.LedgerTreeNodes.AsNoTracking().Where(n => positions.Contains(n.Position)).ToListAsync(cancellationToken);
        foreach (var node in stored) nodes[node.Key] = Convert.FromHexString(node.Hash);
        if (stored.Count < positions.Count)
            throw new InvalidOperationException($"The ledger's tree lacks {positions.Count - stored.Count} of the nodes it needs; it is behind its entries.");
        return nodes;
    }
}

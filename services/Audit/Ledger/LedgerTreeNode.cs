using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// One stored hash of the ledger's Merkle tree: the root of a perfect subtree of 2^Level entries starting at entry
/// Index * 2^Level. Written in the same save as the entry that completes it, never changed; roots and proofs of any
/// tree size are computed from O(log n) of them.
/// </summary>
public sealed class LedgerTreeNode
{
    private LedgerTreeNode() { }

    /// <summary>Level and index in one number, so that a query can ask for a set of nodes with one IN on the key.</summary>
    public long Position { get; private set; }
    public int Level { get; private set; }
    public long Index { get; private set; }

    /// <summary>Lowercase hex.</summary>
    public string Hash { get; private set; } = "";

    public NodeKey Key => new(Level, Index);

    /// <summary>Levels stay below 64 (a tree of 2^63 entries), so six bits of the position hold the level.</summary>
    public static long PositionOf(NodeKey key) => (key.Index << 6) | (uint)key.Level;

    public static LedgerTreeNode Of(NodeKey key, byte[] hash) => new()
    {
        Position = PositionOf(key),
        Level = key.Level,
        Index = key.Index,
        Hash = Convert.ToHexStringLower(hash),
    };
}

namespace PolicyEngage.Ledger.Proofs;

/// <summary>
/// The perfect subtree of 2^<paramref name="Level"/> leaves that starts at leaf <paramref name="Index"/> × 2^Level
/// (level 0 = one leaf). The ledger stores the hash of every such subtree once all its leaves exist.
/// </summary>
public readonly record struct NodeKey(int Level, long Index)
{
    public long FirstLeaf => Index << Level;

    public long LeafCount => 1L << Level;
}

namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>A node store built the way the ledger builds one: leaf by leaf through <see cref="MerkleTree.Append"/>.</summary>
public sealed class NodeStore
{
    private readonly Dictionary<NodeKey, byte[]> _nodes = [];

    public Dictionary<NodeKey, byte[]> Nodes => _nodes;

    public static NodeStore Of(IEnumerable<byte[]> leafHashes)
    {
        var store = new NodeStore();
        foreach (var leafHash in leafHashes) store.Append(leafHash);
        return store;
    }

    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        foreach (var (key, hash) in MerkleTree.Append(Size, leafHash, Pick(_nodes, MerkleTree.NodesToAppend(Size))))
            _nodes.Add(key, hash);
        Size++;
    }

    /// <summary>
    /// Exactly the named nodes, so a computation that reads anything it did not name fails; and each of them complete
    /// within <paramref name="treeSize"/>, so nothing is named that a store of that size would not hold yet.
    /// </summary>
    public static Dictionary<NodeKey, byte[]> Pick(IReadOnlyDictionary<NodeKey, byte[]> nodes, IEnumerable<NodeKey> keys, long? treeSize = null)
    {
        var picked = new Dictionary<NodeKey, byte[]>();
        foreach (var key in keys)
        {
            if (treeSize is { } size)
                Assert.True(key.FirstLeaf + key.LeafCount <= size, $"{key} is not complete in a tree of {size}.");
            picked[key] = nodes[key];
        }
        return picked;
    }
}

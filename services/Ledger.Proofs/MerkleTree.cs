using System.Numerics;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>
/// RFC 6962 §2.1 over stored perfect-subtree hashes. Every operation first names the stored nodes it needs (so a caller
/// fetches them in one query), then computes from exactly those. Appending is O(log n); roots and proofs read O(log n)
/// nodes, because every subtree RFC 6962 hashes is covered by at most one stored node per level.
/// </summary>
public static class MerkleTree
{
    /// <summary>The stored nodes needed to append leaf <paramref name="leafIndex"/> to a tree of that many leaves.</summary>
    public static IReadOnlyList<NodeKey> NodesToAppend(long leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        // Each trailing 1 bit of the index is a complete left sibling that the new leaf's side now completes.
        var needed = new List<NodeKey>();
        for (var level = 0; ((leafIndex >> level) & 1) == 1; level++)
            needed.Add(new NodeKey(level, (leafIndex >> level) - 1));
        return needed;
    }

    /// <summary>The nodes the new leaf completes, <c>NodeKey(0, leafIndex)</c> first, then upwards.</summary>
    public static IReadOnlyList<(NodeKey Key, byte[] Hash)> Append(long leafIndex, byte[] leafHash, IReadOnlyDictionary<NodeKey, byte[]> stored)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        RequireHash(leafHash, nameof(leafHash));
        var completed = new List<(NodeKey, byte[])> { (new NodeKey(0, leafIndex), leafHash) };
        var hash = leafHash;
        foreach (var leftSibling in NodesToAppend(leafIndex))
        {
            hash = MerkleHash.Node(Stored(stored, leftSibling), hash);
            completed.Add((new NodeKey(leftSibling.Level + 1, leafIndex >> (leftSibling.Level + 1)), hash));
        }
        return completed;
    }

    public static IReadOnlyList<NodeKey> NodesForRoot(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return Cover(0, treeSize);
    }

    public static byte[] Root(long treeSize, IReadOnlyDictionary<NodeKey, byte[]> stored)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return treeSize == 0 ? MerkleHash.Empty : SubtreeHash(0, treeSize, stored);
    }

    public static IReadOnlyList<NodeKey> NodesForInclusion(long leafIndex, long treeSize) =>
        InclusionSiblings(leafIndex, treeSize).SelectMany(range => Cover(range.Start, range.End)).ToList();

    /// <summary>The RFC 6962 §2.1.1 audit path, the leaf's sibling first.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(long leafIndex, long treeSize, IReadOnlyDictionary<NodeKey, byte[]> stored) =>
        InclusionSiblings(leafIndex, treeSize).Select(range => SubtreeHash(range.Start, range.End, stored)).ToList();

    public static IReadOnlyList<NodeKey> NodesForConsistency(long fromSize, long toSize) =>
        ConsistencySubtrees(fromSize, toSize).SelectMany(range => Cover(range.Start, range.End)).ToList();

    /// <summary>The RFC 6962 §2.1.2 consistency proof; empty when the sizes are equal.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(long fromSize, long toSize, IReadOnlyDictionary<NodeKey, byte[]> stored) =>
        ConsistencySubtrees(fromSize, toSize).Select(range => SubtreeHash(range.Start, range.End, stored)).ToList();

    /// <summary>PATH(m, D[n]): the subtrees beside the leaf on its way up, gathered top-down and returned bottom-up.</summary>
    private static List<(long Start, long End)> InclusionSiblings(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var siblings = new List<(long, long)>();
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            var split = start + LargestPowerOfTwoBelow(end - start);
            if (leafIndex < split) { siblings.Add((split, end)); end = split; }
            else { siblings.Add((start, split)); start = split; }
        }
        siblings.Reverse();
        return siblings;
    }

    /// <summary>
    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true), unrolled: descend while the old tree ends inside the current subtree;
    /// once the old tree's end is the current subtree's end, that subtree is part of the proof unless it is the old
    /// tree itself (which the verifier already holds as its root).
    /// </summary>
    private static List<(long Start, long End)> ConsistencySubtrees(long fromSize, long toSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toSize, fromSize);
        var subtrees = new List<(long, long)>();
        long start = 0, end = toSize;
        var isWholeOldTree = true;
        while (fromSize < end)
        {
            var split = start + LargestPowerOfTwoBelow(end - start);
            if (fromSize <= split) { subtrees.Add((split, end)); end = split; }
            else { subtrees.Add((start, split)); start = split; isWholeOldTree = false; }
        }
        if (!isWholeOldTree) subtrees.Add((start, end));
        subtrees.Reverse();
        return subtrees;
    }

    /// <summary>
    /// The stored nodes that make up an RFC 6962 subtree [start, end), left to right. Such a subtree always starts at a
    /// multiple of a power of two at least its size, so its leaves split into perfect subtrees by the bits of its size.
    /// </summary>
    private static List<NodeKey> Cover(long start, long end)
    {
        var nodes = new List<NodeKey>();
        for (var level = 62; level >= 0; level--)
        {
            if ((((end - start) >> level) & 1) == 0) continue;
            nodes.Add(new NodeKey(level, start >> level));
            start += 1L << level;
        }
        return nodes;
    }

    /// <summary>MTH of [start, end): its covering nodes folded from the right, as RFC 6962's split nests them.</summary>
    private static byte[] SubtreeHash(long start, long end, IReadOnlyDictionary<NodeKey, byte[]> stored)
    {
        var nodes = Cover(start, end);
        var hash = Stored(stored, nodes[^1]);
        for (var i = nodes.Count - 2; i >= 0; i--)
            hash = MerkleHash.Node(Stored(stored, nodes[i]), hash);
        return hash;
    }

    /// <summary>The k of RFC 6962: the largest power of two smaller than n (n ≥ 2).</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private static byte[] Stored(IReadOnlyDictionary<NodeKey, byte[]> stored, NodeKey key)
    {
        if (!stored.TryGetValue(key, out var hash))
            throw new KeyNotFoundException($"The stored node at level {key.Level}, index {key.Index} was not given.");
        RequireHash(hash, $"stored[{key}]");
        return hash;
    }

    private static void RequireHash(byte[] hash, string name)
    {
        if (hash is not { Length: MerkleHash.Length })
            throw new ArgumentException($"A Merkle hash is {MerkleHash.Length} bytes.", name);
    }
}

namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>
/// RFC 6962 §2.1 written as the RFC writes it: recursion over the whole list of leaf hashes, no stored nodes, no cleverness.
/// Slow (every call rehashes what it covers) and therefore easy to trust; the stored-node code must agree with it.
/// </summary>
public static class ReferenceMerkle
{
    /// <summary>MTH(D[n]).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves) => leaves.Count switch
    {
        0 => MerkleHash.Empty,
        1 => leaves[0],
        var n => MerkleHash.Node(Root(Slice(leaves, 0, Split(n))), Root(Slice(leaves, Split(n), n))),
    };

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leaves)
    {
        var n = leaves.Count;
        if (n <= 1) return [];
        var k = Split(n);
        return m < k
            ? [.. Path(m, Slice(leaves, 0, k)), Root(Slice(leaves, k, n))]
            : [.. Path(m - k, Slice(leaves, k, n)), Root(Slice(leaves, 0, k))];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leaves) => Subproof(m, leaves, true);

    private static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> leaves, bool isWholeOldTree)
    {
        var n = leaves.Count;
        if (m == n) return isWholeOldTree ? [] : [Root(leaves)];
        var k = Split(n);
        return m <= k
            ? [.. Subproof(m, Slice(leaves, 0, k), isWholeOldTree), Root(Slice(leaves, k, n))]
            : [.. Subproof(m - k, Slice(leaves, k, n), false), Root(Slice(leaves, 0, k))];
    }

    /// <summary>The largest power of two smaller than n.</summary>
    private static int Split(int n)
    {
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    private static IReadOnlyList<byte[]> Slice(IReadOnlyList<byte[]> leaves, int from, int to) =>
        leaves.Skip(from).Take(to - from).ToList();
}

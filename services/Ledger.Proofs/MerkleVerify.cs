using System.Numerics;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>
/// The verification algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), written from the RFC's
/// steps so a reader can check them line by line. They trust nothing but the roots they are given.
/// </summary>
public static class MerkleVerify
{
    public static bool Inclusion(byte[] leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> proof, byte[] root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize || !IsHash(leafHash) || !IsHash(root) || !proof.All(IsHash)) return false;

        long fn = leafIndex, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if (IsOdd(fn) || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                // Skip the levels where this node has no right sibling (the tree's right edge).
                while (!IsOdd(fn) && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    public static bool Consistency(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot, IReadOnlyList<byte[]> proof)
    {
        if (fromSize < 1 || fromSize > toSize || !IsHash(fromRoot) || !IsHash(toRoot) || !proof.All(IsHash)) return false;
        if (fromSize == toSize) return proof.Count == 0 && fromRoot.AsSpan().SequenceEqual(toRoot);
        if (proof.Count == 0) return false;

        // A perfect old tree is itself a node of the new one, so RFC 6962 leaves it out of the proof.
        IReadOnlyList<byte[]> path = BitOperations.IsPow2(fromSize) ? [fromRoot, .. proof] : proof;
        long fn = fromSize - 1, sn = toSize - 1;
        while (IsOdd(fn)) { fn >>= 1; sn >>= 1; }

        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if (IsOdd(fn) || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while (!IsOdd(fn) && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0
            && fr.AsSpan().SequenceEqual(fromRoot)
            && sr.AsSpan().SequenceEqual(toRoot);
    }

    private static bool IsOdd(long n) => (n & 1) == 1;

    private static bool IsHash(byte[]? hash) => hash is { Length: MerkleHash.Length };
}

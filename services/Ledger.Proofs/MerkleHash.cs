using System.Security.Cryptography;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>RFC 6962 §2.1 hashing: distinct prefixes for leaves and nodes, so a leaf can never pass for a node.</summary>
public static class MerkleHash
{
    public const int Length = SHA256.HashSizeInBytes;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>SHA-256 of nothing: the empty tree's root.</summary>
    public static byte[] Empty { get; } = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] Leaf(ReadOnlySpan<byte> leafInput)
    {
        var buffer = new byte[1 + leafInput.Length];
        buffer[0] = LeafPrefix;
        leafInput.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer.AsSpan(1));
        right.CopyTo(buffer.AsSpan(1 + left.Length));
        return SHA256.HashData(buffer);
    }
}

using System.Globalization;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>
/// A C2SP tlog-checkpoint: the note text naming the tree head, <c>&lt;origin&gt;\n&lt;size&gt;\n&lt;base64 root&gt;\n</c>.
/// Extension lines are refused: the ledger never writes them and C2SP advises against them, since monitors cannot audit them.
/// </summary>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash)
{
    public string Origin { get; } = Origin.Length > 0 && !Origin.Any(char.IsControl)
        ? Origin
        : throw new ArgumentException("An origin is one non-empty line.", nameof(Origin));

    public long TreeSize { get; } = TreeSize >= 0 ? TreeSize : throw new ArgumentOutOfRangeException(nameof(TreeSize));

    /// <summary>Copied in, so a later change to the caller's buffer leaves the checkpoint as it was made.</summary>
    public byte[] RootHash { get; } = RootHash is { Length: MerkleHash.Length }
        ? RootHash.ToArray()
        : throw new ArgumentException($"A root is {MerkleHash.Length} bytes.", nameof(RootHash));

    public string Body => $"{Origin}\n{TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Exactly three lines: a non-empty origin, a decimal size without leading zeros, a 32-byte root in base64.</summary>
    public static Checkpoint ParseBody(string body)
    {
        var lines = body.Split('\n');
        if (lines.Length != 4 || lines[3].Length != 0)
            throw new FormatException("A checkpoint is three lines, each ending in a newline, with no extension lines.");
        var (origin, size, root) = (lines[0], lines[1], lines[2]);

        if (origin.Length == 0 || origin.Any(char.IsControl)) throw new FormatException("A checkpoint's origin is a non-empty line.");
        if (size.Length == 0 || size.Length > 1 && size[0] == '0' || !size.All(char.IsAsciiDigit)
            || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize))
            throw new FormatException("A checkpoint's tree size is a decimal number without leading zeros.");

        var rootHash = new byte[root.Length];
        if (!Convert.TryFromBase64String(root, rootHash, out var length) || length != MerkleHash.Length
            || Convert.ToBase64String(rootHash, 0, length) != root)
            throw new FormatException($"A checkpoint's root is the base64 of {MerkleHash.Length} bytes.");
        return new Checkpoint(origin, treeSize, rootHash[..length]);
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && TreeSize == other.TreeSize && RootHash.AsSpan().SequenceEqual(other.RootHash);

    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, BitConverter.ToInt32(RootHash));
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.ServiceDefaults.Hashing;

/// <summary>SHA-256 as the SPEC publishes it: 64 lowercase hex characters over UTF-8.</summary>
public static class Sha256Hex
{
    public const int Length = 64;

    public static string Of(string text) => Of(text, "");

    /// <summary>The hash of two texts one after the other, without joining them first (the ledger's chain hashes a link so per entry).</summary>
    public static string Of(string first, string second)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(first.Length + second.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(first, buffer);
            length += Encoding.UTF8.GetBytes(second, buffer.AsSpan(length));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The hash of a value's canonical JSON (RFC 8785).</summary>
    public static string OfCanonicalJson<T>(T value) => Of(CanonicalJson.Serialize(value));

    /// <summary>What <see cref="IsWellFormed"/> admits, as a pattern for the API documents.</summary>
    public const string Pattern = "^[0-9a-f]{64}$";

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

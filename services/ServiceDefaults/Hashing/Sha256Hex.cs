using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.ServiceDefaults.Hashing;

/// <summary>SHA-256 as the SPEC publishes it: 64 lowercase hex characters over UTF-8.</summary>
public static class Sha256Hex
{
    public const int Length = 64;

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The hash of a value's canonical JSON (RFC 8785).</summary>
    public static string OfCanonicalJson<T>(T value) => Of(CanonicalJson.Serialize(value));

    /// <summary>What <see cref="IsWellFormed"/> admits, as a pattern for the API documents.</summary>
    public const string Pattern = "^[0-9a-f]{64}$";

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

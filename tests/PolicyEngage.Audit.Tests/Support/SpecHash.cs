using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.Audit.Tests.Support;

/// <summary>The SPEC's published hash, written here independently of the service's code.</summary>
internal static class SpecHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>hash = SHA-256(previousHash as lowercase hex, followed by the canonical JSON of the stored event).</summary>
    public static string EntryHash(string previousHash, string canonicalData) => Sha256Hex(previousHash + canonicalData);
}

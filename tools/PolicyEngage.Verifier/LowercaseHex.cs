using System.Text.Json.Nodes;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier;

/// <summary>The SPEC writes hashes as 64 lowercase hex characters outside notes; anything else is refused, not repaired.</summary>
internal static class LowercaseHex
{
    public static bool TryParseHash(string text, out byte[] hash)
    {
        hash = [];
        if (text.Length != 2 * MerkleHash.Length || !text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        hash = Convert.FromHexString(text);
        return true;
    }

    /// <summary>A JSON array of such hashes, as proofs carry them.</summary>
    public static bool TryParseHashes(JsonArray array, out List<byte[]> hashes)
    {
        hashes = [];
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text) || !TryParseHash(text, out var hash)) return false;
            hashes.Add(hash);
        }
        return true;
    }
}

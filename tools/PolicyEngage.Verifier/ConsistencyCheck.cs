using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier;

/// <summary>
/// An older signed head (OLD.note) against the export's, through the consistency route's answer
/// <c>{from, to, fromRoot, toRoot, hashes}</c>: both heads signed by the key, the answer's sizes and roots theirs, and
/// the RFC 9162 consistency proof holding between them. Failures name the file they are about.
/// </summary>
internal static class ConsistencyCheck
{
    public static void Run(string oldNotePath, string proofPath, Checkpoint head, NoteVerifier key, List<string> failures)
    {
        var old = SignedCheckpoint.Open(File.ReadAllText(oldNotePath), key, out var error);
        if (old is null)
        {
            failures.Add($"{oldNotePath}: {error}");
            return;
        }
        var failure = Check(File.ReadAllText(proofPath), old, head);
        if (failure is not null) failures.Add($"{proofPath}: {failure}");
    }

    private static string? Check(string proofJson, Checkpoint old, Checkpoint head)
    {
        JsonObject? json;
        try { json = JsonNode.Parse(proofJson) as JsonObject; }
        catch (JsonException) { json = null; }
        if (json is null || !TryGetSize(json, "from", out var from) || !TryGetSize(json, "to", out var to)
            || !TryGetHash(json, "fromRoot", out var fromRoot) || !TryGetHash(json, "toRoot", out var toRoot)
            || json["hashes"] is not JsonArray hashArray || !LowercaseHex.TryParseHashes(hashArray, out var hashes))
            return "expected {\"from\", \"to\", \"fromRoot\", \"toRoot\", \"hashes\"} with sizes as numbers and hashes as lowercase hex";

        if (from != old.TreeSize || !fromRoot.AsSpan().SequenceEqual(old.RootHash))
            return $"from and fromRoot are not the older checkpoint's (size {old.TreeSize})";
        if (to != head.TreeSize || !toRoot.AsSpan().SequenceEqual(head.RootHash))
            return $"to and toRoot are not the export's checkpoint's (size {head.TreeSize})";
        return MerkleVerify.Consistency(from, to, old.RootHash, head.RootHash, hashes)
            ? null
            : $"the tree of size {from} is not proven a prefix of the tree of size {to}";
    }

    private static bool TryGetSize(JsonObject json, string key, out long size)
    {
        size = 0;
        return json[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out size);
    }

    private static bool TryGetHash(JsonObject json, string key, out byte[] hash)
    {
        hash = [];
        return json[key] is JsonValue value && value.TryGetValue<string>(out var hex) && LowercaseHex.TryParseHash(hex, out hash);
    }
}

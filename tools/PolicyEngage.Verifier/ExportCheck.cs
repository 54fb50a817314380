using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier;

/// <summary>
/// An export: line 1 <c>{"checkpoint": "&lt;note&gt;"}</c>, then <c>{"entry": {…}, "proof": [hex…]}</c> per entry.
/// Each entry must hash to its <c>hash</c> from <c>previousHash</c> and <c>data</c>, and its leaf must be in the
/// checkpoint's tree at index sequence − 1. Where two lines hold consecutive entries, the later one's previousHash
/// must be the earlier one's hash, and entry 1's must be the genesis hash.
/// </summary>
internal static class ExportCheck
{
    public sealed record Result(Checkpoint? Checkpoint, int Entries);

    public static Result Run(string path, NoteVerifier key, List<string> failures)
    {
        Checkpoint? checkpoint = null;
        var entries = 0;
        (long Sequence, string Hash)? previous = null;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                checkpoint = ReadCheckpoint(line, key, out var error);
                if (checkpoint is null)
                {
                    // Without a trusted head no proof can be checked; one failure says it all.
                    failures.Add($"line 1: {error}");
                    return new Result(null, 0);
                }
                continue;
            }
            if (line.Length == 0) continue;

            entries++;
            var failure = CheckEntry(line, checkpoint!, ref previous);
            if (failure is not null) failures.Add($"line {lineNumber}: {failure}");
        }
        if (lineNumber == 0) failures.Add("line 1: the export is empty; it starts with the checkpoint");
        return new Result(checkpoint, entries);
    }

    private static Checkpoint? ReadCheckpoint(string line, NoteVerifier key, out string error)
    {
        if (ParseObject(line) is not { } json || json["checkpoint"] is not JsonValue value || !value.TryGetValue<string>(out var note))
        {
            error = "expected {\"checkpoint\": \"<signed note>\"}";
            return null;
        }
        return SignedCheckpoint.Open(note, key, out error);
    }

    /// <summary>The reason the line fails, or null when it holds.</summary>
    private static string? CheckEntry(string line, Checkpoint checkpoint, ref (long Sequence, string Hash)? previous)
    {
        if (ParseObject(line) is not { } json || json["entry"] is not JsonObject entry || json["proof"] is not JsonArray proofArray)
            return "expected {\"entry\": {…}, \"proof\": [hex…]}";
        if (!TryGetSequence(entry, out var sequence)) return "the entry's sequence is not a whole number from 1";
        if (!TryGetString(entry, "previousHash", out var previousHash) || !TryGetString(entry, "hash", out var hash))
            return "the entry lacks previousHash or hash";
        if (!entry.ContainsKey("data")) return "the entry has no data";
        if (!LowercaseHex.TryParseHashes(proofArray, out var proof)) return "the proof is not a list of 64-character lowercase hex hashes";

        var last = previous;
        previous = (sequence, hash);

        var expected = LedgerLeaf.EntryHash(previousHash, CanonicalJson.Serialize(entry["data"]));
        if (hash != expected) return $"entry {sequence}: its hash is not SHA-256 of its previousHash and canonical data (that is {expected})";
        if (sequence == 1 && previousHash != LedgerLeaf.GenesisHash) return "entry 1: its previousHash is not the genesis hash";
        if (last is { } before && before.Sequence == sequence - 1 && before.Hash != previousHash)
            return $"entry {sequence}: its previousHash is not the hash of entry {before.Sequence} on the line before";
        if (sequence > checkpoint.TreeSize) return $"entry {sequence} is not in the checkpoint's tree of size {checkpoint.TreeSize}";

        byte[] leafHash;
        try { leafHash = LedgerLeaf.Hash(entry); }
        catch (ArgumentException e) { return $"entry {sequence}: {e.Message}"; }
        return MerkleVerify.Inclusion(leafHash, sequence - 1, checkpoint.TreeSize, proof, checkpoint.RootHash)
            ? null
            : $"entry {sequence}: its inclusion proof does not lead to the checkpoint's root";
    }

    private static JsonObject? ParseObject(string line)
    {
        try { return JsonNode.Parse(line) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static bool TryGetSequence(JsonObject entry, out long sequence)
    {
        sequence = 0;
        return entry["sequence"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue(out sequence) && sequence >= 1;
    }

    private static bool TryGetString(JsonObject json, string key, out string value)
    {
        value = "";
        return json[key] is JsonValue node && node.TryGetValue(out value!);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>What the SPEC says a ledger entry hashes to, both as a link of the chain and as a leaf of the tree.</summary>
public static class LedgerLeaf
{
    /// <summary>The first entry's <c>previousHash</c>: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The keys of an entry that its leaf covers; the ids are the ones an entry may lack.</summary>
    public static IReadOnlyList<string> LeafKeys { get; } =
        ["sequence", "eventId", "eventType", "occurredAt", "actor", "service", "consultationId", "paperId", "previousHash", "hash", "data"];

    private static readonly HashSet<string> OptionalKeys = ["consultationId", "paperId"];

    /// <summary>The chain link: lowercase hex SHA-256 over the UTF-8 of the previous hash followed by the stored event.</summary>
    public static string EntryHash(string previousHash, string data) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + data)));

    /// <summary>
    /// The leaf input: RFC 8785 canonical JSON of exactly <see cref="LeafKeys"/> of a timeline or export entry, absent
    /// ids as null. Other keys are left out, so adding a field to the timeline later changes no leaf.
    /// </summary>
    public static byte[] Input(JsonObject entry)
    {
        var leaf = new JsonObject();
        foreach (var key in LeafKeys)
        {
            if (entry.TryGetPropertyValue(key, out var value)) leaf[key] = value?.DeepClone();
            else if (OptionalKeys.Contains(key)) leaf[key] = null;
            else throw new ArgumentException($"A ledger entry has a \"{key}\".", nameof(entry));
        }
        return Encoding.UTF8.GetBytes(CanonicalJson.Serialize(leaf));
    }

    /// <summary>The entry's leaf hash, SHA-256(0x00 ‖ input).</summary>
    public static byte[] Hash(JsonObject entry) => MerkleHash.Leaf(Input(entry));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier.Tests;

/// <summary>
/// A ledger built with the library the way Audit builds one: hash-chained entries, a node store grown by Append, and
/// checkpoints signed with a freshly generated key. It writes exports, notes and consistency answers as the SPEC's routes do.
/// </summary>
public sealed class SyntheticLedger
{
    public const string Origin = "policyengage.local/ledger";

    /// <summary>Non-ASCII text written as is, as Audit writes a timeline's data.</summary>
    private static readonly JsonSerializerOptions Verbatim = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<NodeKey, byte[]> _nodes = [];
    private readonly NoteSigner _signer;

    public SyntheticLedger(int entries)
    {
        var (privateKey, verifierKey) = NoteSigner.Generate(Origin);
        _signer = NoteSigner.FromPrivateKey(privateKey);
        VerifierKey = verifierKey;
        var previousHash = LedgerLeaf.GenesisHash;
        for (var sequence = 1; sequence <= entries; sequence++)
        {
            var entry = Entry(sequence, previousHash);
            Entries.Add(entry);
            foreach (var (key, hash) in MerkleTree.Append(sequence - 1, LedgerLeaf.Hash(entry), _nodes)) _nodes[key] = hash;
            previousHash = entry["hash"]!.GetValue<string>();
        }
    }

    public string VerifierKey { get; }

    public List<JsonObject> Entries { get; } = [];

    public byte[] Root(long treeSize) => MerkleTree.Root(treeSize, _nodes);

    public string Note(long treeSize) => _signer.Sign(new Checkpoint(Origin, treeSize, Root(treeSize)).Body);

    /// <summary>GET /api/audit/export as of the checkpoint of <paramref name="treeSize"/>, for the entries chosen.</summary>
    public IEnumerable<string> ExportLines(long treeSize, Func<JsonObject, bool>? filter = null)
    {
        yield return new JsonObject { ["checkpoint"] = Note(treeSize) }.ToJsonString(Verbatim);
        foreach (var entry in Entries.Take((int)treeSize).Where(filter ?? (_ => true)))
        {
            var leafIndex = entry["sequence"]!.GetValue<long>() - 1;
            var proof = MerkleTree.InclusionProof(leafIndex, treeSize, _nodes).Select(Convert.ToHexStringLower);
            yield return new JsonObject { ["entry"] = entry.DeepClone(), ["proof"] = new JsonArray([.. proof.Select(h => JsonValue.Create(h))]) }.ToJsonString(Verbatim);
        }
    }

    /// <summary>GET /api/audit/consistency?from=&amp;to=.</summary>
    public string ConsistencyAnswer(long from, long to) => new JsonObject
    {
        ["from"] = from,
        ["to"] = to,
        ["fromRoot"] = Convert.ToHexStringLower(Root(from)),
        ["toRoot"] = Convert.ToHexStringLower(Root(to)),
        ["hashes"] = new JsonArray([.. MerkleTree.ConsistencyProof(from, to, _nodes).Select(h => JsonValue.Create(Convert.ToHexStringLower(h)))]),
    }.ToJsonString();

    /// <summary>An entry as a timeline returns it; some without a paper or consultation, data with text beyond ASCII and numbers.</summary>
    private static JsonObject Entry(int sequence, string previousHash)
    {
        var consultationId = $"5d1c3a2e-0000-4000-8000-{sequence % 3:D12}";
        var data = new JsonObject
        {
            ["consultationId"] = consultationId,
            ["title"] = $"Position n° {sequence}: privacy “by default” — €",
            ["score"] = sequence / 8.0,
            ["actor"] = $"member-{sequence % 5}",
        };
        var canonicalData = CanonicalJson.Serialize(data);
        var entry = new JsonObject
        {
            ["sequence"] = (long)sequence,
            ["eventId"] = $"0b7e1f6a-0000-4000-8000-{sequence:D12}",
            ["eventType"] = sequence % 4 == 0 ? "ConsultationOpened" : "PositionPaperSubmitted",
            ["occurredAt"] = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc).AddSeconds(sequence).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"),
            ["actor"] = $"member-{sequence % 5}",
            ["service"] = "submissions",
            ["consultationId"] = consultationId,
            ["paperId"] = sequence % 4 == 0 ? null : $"7f3c0d4b-0000-4000-8000-{sequence:D12}",
            ["hash"] = LedgerLeaf.EntryHash(previousHash, canonicalData),
            ["previousHash"] = previousHash,
            ["data"] = JsonNode.Parse(canonicalData),
        };
        if (sequence % 7 == 0) entry.Remove("consultationId");
        return entry;
    }
}

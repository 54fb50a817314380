using System.Text;
using System.Text.Json.Nodes;

namespace PolicyEngage.Ledger.Proofs.Tests;

public class LedgerLeafTests
{
    private const string FirstData = """{"actor":"ann","consultationId":"5d1c3a2e-0000-4000-8000-000000000001","title":"Privacy by default"}""";

    [Fact]
    public void The_entry_hash_is_SHA256_of_the_previous_hash_followed_by_the_data_as_Audit_computes_it()
    {
        // printf '%s' "$previousHash$data" | sha256sum, the SPEC's formula and Audit's LedgerEntry.HashOf.
        var first = LedgerLeaf.EntryHash(LedgerLeaf.GenesisHash, FirstData);
        Assert.Equal("94b98c901b6cb89f618e2d305a33cdbecb5e6e3ee9268e0be8a88e1e6722a1d7", first);

        Assert.Equal("e83838133557dd37217e1f853972c26cdb1174129d87c552bbc5d7e47b685d4b", LedgerLeaf.EntryHash(first, """{"body":"Café € 😀"}"""));
    }

    [Fact]
    public void The_genesis_hash_is_64_zeros()
    {
        Assert.Equal(new string('0', 64), LedgerLeaf.GenesisHash);
    }

    [Fact]
    public void The_leaf_input_is_the_canonical_JSON_of_exactly_the_SPEC_keys_other_keys_ignored()
    {
        var entry = Entry();
        entry["recordedAt"] = "2026-12-01T10:00:01.0000000Z";
        entry["causationId"] = "not hashed";

        var input = Encoding.UTF8.GetString(LedgerLeaf.Input(entry));

        Assert.Equal(
            """{"actor":"ann","consultationId":"5d1c3a2e-0000-4000-8000-000000000001","data":{"actor":"ann","title":"Privacy by default"},"eventId":"0b7e1f6a-0000-4000-8000-00000000000a","eventType":"PositionPaperSubmitted","hash":"94b98c901b6cb89f618e2d305a33cdbecb5e6e3ee9268e0be8a88e1e6722a1d7","occurredAt":"2026-12-01T10:00:00.1234567Z","paperId":"7f3c0d4b-0000-4000-8000-000000000002","previousHash":"0000000000000000000000000000000000000000000000000000000000000000","sequence":1,"service":"submissions"}""",
            input);
        Assert.Equal(MerkleHash.Leaf(LedgerLeaf.Input(entry)), LedgerLeaf.Hash(entry));
    }

    [Fact]
    public void Absent_ids_enter_the_leaf_as_null()
    {
        var entry = Entry();
        entry.Remove("consultationId");
        entry["paperId"] = null;

        var leaf = JsonNode.Parse(LedgerLeaf.Input(entry))!.AsObject();

        Assert.True(leaf.ContainsKey("consultationId"));
        Assert.Null(leaf["consultationId"]);
        Assert.True(leaf.ContainsKey("paperId"));
        Assert.Null(leaf["paperId"]);
        Assert.Equal(LedgerLeaf.LeafKeys.Order(StringComparer.Ordinal), leaf.Select(property => property.Key));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("eventId")]
    [InlineData("eventType")]
    [InlineData("occurredAt")]
    [InlineData("actor")]
    [InlineData("service")]
    [InlineData("previousHash")]
    [InlineData("hash")]
    [InlineData("data")]
    public void An_entry_without_a_required_key_has_no_leaf(string key)
    {
        var entry = Entry();
        entry.Remove(key);

        var error = Assert.Throws<ArgumentException>(() => LedgerLeaf.Input(entry));
        Assert.Contains($"\"{key}\"", error.Message);
    }

    private static JsonObject Entry() => JsonNode.Parse("""
        {
          "sequence": 1,
          "eventId": "0b7e1f6a-0000-4000-8000-00000000000a",
          "eventType": "PositionPaperSubmitted",
          "occurredAt": "2026-12-01T10:00:00.1234567Z",
          "actor": "ann",
          "service": "submissions",
          "consultationId": "5d1c3a2e-0000-4000-8000-000000000001",
          "paperId": "7f3c0d4b-0000-4000-8000-000000000002",
          "hash": "94b98c901b6cb89f618e2d305a33cdbecb5e6e3ee9268e0be8a88e1e6722a1d7",
          "previousHash": "0000000000000000000000000000000000000000000000000000000000000000",
          "data": { "title": "Privacy by default", "actor": "ann" }
        }
        """)!.AsObject();
}

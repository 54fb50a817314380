using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.Audit.Ledger;

/// <summary>One entry of a timeline; <see cref="Data"/> is the stored event, written out exactly as it was hashed.</summary>
public sealed record TimelineEntry(
    long Sequence,
    Guid EventId,
    string EventType,
    DateTime OccurredAt,
    string Actor,
    string Service,
    Guid? ConsultationId,
    Guid? PaperId,
    string Hash,
    string PreviousHash,
    [property: JsonConverter(typeof(VerbatimJsonConverter))] JsonElement Data)
{
    public static TimelineEntry Of(LedgerEntry entry) => new(
        entry.Sequence,
        entry.EventId,
        entry.EventType,
        entry.OccurredAt,
        entry.Actor,
        entry.Service,
        entry.ConsultationId,
        entry.PaperId,
        entry.Hash,
        entry.PreviousHash,
        JsonSerializer.Deserialize<JsonElement>(entry.Data));

    /// <summary>The entry as every route shows it: what its Merkle leaf hashes, so an export line and the leaf cannot drift apart.</summary>
    public static JsonObject JsonOf(LedgerEntry entry) => JsonSerializer.SerializeToNode(Of(entry), JsonDefaults.Options)!.AsObject();
}

/// <summary>
/// Writes a JSON value's original text instead of re-encoding it (the default encoder would escape non-ASCII
/// characters), so a timeline's <c>data</c> is byte for byte the canonical JSON that was hashed.
/// </summary>
internal sealed class VerbatimJsonConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
}

/// <summary>
/// The answer of <c>GET /api/audit/verify</c>; <see cref="HeadHash"/> is the last entry's hash (the genesis hash when
/// empty); <see cref="TreeSize"/> and <see cref="RootHash"/> are the latest checkpoint's (0 and the empty tree's root before one).
/// </summary>
public sealed record LedgerVerification(bool Valid, long Count, string HeadHash, long? FirstInvalidSequence, long TreeSize, string RootHash);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>
/// The ledger checkpoint a digest carries: the latest note RegulatorLiaison had witnessed when it compiled, or none yet
/// (<c>null</c>). The field joined the format later: every new digest has it, <c>null</c> included, and a digest
/// compiled before it has none at all (this copy itself is then absent), so its published hash still holds.
/// </summary>
[JsonConverter(typeof(LedgerCheckpointCopyConverter))]
public sealed record LedgerCheckpointCopy(string? Note);

internal sealed class LedgerCheckpointCopyConverter : JsonConverter<LedgerCheckpointCopy>
{
    // A JSON null is a copy of no note, not a missing copy.
    public override bool HandleNull => true;

    public override LedgerCheckpointCopy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.Null ? null : reader.GetString());

    public override void Write(Utf8JsonWriter writer, LedgerCheckpointCopy value, JsonSerializerOptions options)
    {
        if (value.Note is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.Note);
    }
}

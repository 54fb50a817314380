using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// An event as the ledger stores and hashes it: the JSON it was published as (camelCase, enums as strings), with a
/// paper's <c>body</c> replaced by <c>bodyHash</c> (its SHA-256) so the ledger proves the text without holding it,
/// written as canonical JSON (RFC 8785).
/// </summary>
public static class StoredEvent
{
    /// <summary>The event as its producer serializes it (the same JSON defaults), for callers that hold only the record.</summary>
    public static string DataOf(IntegrationEvent integrationEvent) =>
        DataOf(JsonSerializer.SerializeToNode(integrationEvent, integrationEvent.GetType(), JsonDefaults.Options)!.AsObject(), integrationEvent);

    /// <summary>
    /// The event from the JSON its producer published, every field kept, including any this version of Audit does not
    /// know (a newer producer's), so that the ledger proves what was said, not what Audit understood of it.
    /// </summary>
    public static string DataOf(JsonObject published, IntegrationEvent integrationEvent)
    {
        var json = published.DeepClone().AsObject();
        if (integrationEvent is PositionPaperSubmitted submitted)
        {
            json.Remove("body");
            json["bodyHash"] = Sha256Hex.Of(submitted.Body);
        }
        return CanonicalJson.Serialize(json);
    }

    /// <summary>
    /// What a stored event names, read by the Contracts' property names (<c>consultationId</c>, <c>paperId</c>,
    /// and <c>papers[].paperId</c> of digests), so events added later are indexed without a change here.
    /// </summary>
    public static EventReferences ReferencesOf(string data)
    {
        // A forward read of the top level, not a parsed document: the verifier asks this of every entry it checks.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(data));
        Guid? consultationId = null, paperId = null;
        var listed = new List<Guid>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return new EventReferences(null, null, []);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("consultationId"u8)) consultationId = GuidAt(ref reader);
            else if (reader.ValueTextEquals("paperId"u8)) paperId = GuidAt(ref reader);
            else if (reader.ValueTextEquals("papers"u8)) ReadPaperIds(ref reader, listed);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        List<Guid> paperIds = paperId is { } named ? [named, .. listed] : listed;
        return new EventReferences(consultationId, paperId, paperIds.Distinct().ToList());
    }

    /// <summary>Each <c>papers[].paperId</c>; anything else in the array, or an array that is not one, names nothing.</summary>
    private static void ReadPaperIds(ref Utf8JsonReader reader, List<Guid> paperIds)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("paperId"u8))
                {
                    reader.Read();
                    reader.Skip();
                }
                else if (GuidAt(ref reader) is { } id) paperIds.Add(id);
            }
        }
    }

    /// <summary>Moves to the property's value: a GUID when it is a string holding one, else null (and the value skipped).</summary>
    private static Guid? GuidAt(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.TryGetGuid(out var id) ? id : null;
        reader.Skip();
        return null;
    }
}

/// <param name="PaperId">The paper a paper event is about; null for events naming several (digests) or none.</param>
/// <param name="PaperIds">Every paper named, <paramref name="PaperId"/> included.</param>
public sealed record EventReferences(Guid? ConsultationId, Guid? PaperId, IReadOnlyList<Guid> PaperIds);

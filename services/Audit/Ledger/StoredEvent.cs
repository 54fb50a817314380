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
        using var document = JsonDocument.Parse(data);
        var root = document.RootElement;
        var paperId = GuidOf(root, "paperId");
        var paperIds = new List<Guid>();
        if (paperId is { } named) paperIds.Add(named);
        if (root.TryGetProperty("papers", out var papers) && papers.ValueKind == JsonValueKind.Array)
            paperIds.AddRange(papers.EnumerateArray().Select(paper => GuidOf(paper, "paperId")).OfType<Guid>());
        return new EventReferences(GuidOf(root, "consultationId"), paperId, paperIds.Distinct().ToList());
    }

    private static Guid? GuidOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.TryGetGuid(out var id)
            ? id
            : null;
}

/// <param name="PaperId">The paper a paper event is about; null for events naming several (digests) or none.</param>
/// <param name="PaperIds">Every paper named, <paramref name="PaperId"/> included.</param>
public sealed record EventReferences(Guid? ConsultationId, Guid? PaperId, IReadOnlyList<Guid> PaperIds);

using System.Text.Json;

namespace PolicyEngage.Portal.Pages.Audit;

/// <summary><c>GET /api/audit/verify</c>: the chain's check, and the latest checkpoint's size and root.</summary>
public sealed record LedgerVerification(bool Valid, long Count, string HeadHash, long? FirstInvalidSequence, long TreeSize, string RootHash);

/// <summary><c>GET /api/audit/key</c>: the checkpoints' verifier key in the signed-note form.</summary>
public sealed record LedgerKeyResponse(string Origin, string VerifierKey);

/// <summary>One ledger entry of a timeline; <c>data</c> is the event as its producer published it.</summary>
public sealed record TimelineEntry(
    long Sequence,
    Guid EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string Actor,
    string Service,
    Guid? ConsultationId,
    Guid? PaperId,
    string Hash,
    string PreviousHash,
    JsonElement Data)
{
    /// <summary>The event this one followed from, when its producer named one.</summary>
    public Guid? CausationId => IdIn("causationId");

    /// <summary>The digest a digest event concerns: how an auditor finds a consultation's digests again.</summary>
    public Guid? DigestId => IdIn("digestId");

    private Guid? IdIn(string property) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && Guid.TryParse(value.GetString(), out var id) ? id : null;
}

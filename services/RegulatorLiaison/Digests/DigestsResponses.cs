using System.Linq.Expressions;
using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>The hashed document as stored, its hash, and (after the hashed fields) where the digest stands.</summary>
public sealed record DigestResponse(
    Guid Id,
    Guid ConsultationId,
    Guid RegulatorId,
    DateTime CompiledAt,
    string ContentHash,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics,
    DigestStatus Status,
    DateTime? DeliveredAt,
    DateTime? AcknowledgedAt,
    IReadOnlyList<Guid> RefusedPapers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DigestGroup>? Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LedgerCheckpointCopy? LedgerCheckpoint)
{
    public static DigestResponse Of(Digest digest)
    {
        var document = digest.ReadDocument();
        return new DigestResponse(
            document.Id, document.ConsultationId, document.RegulatorId, document.CompiledAt, digest.ContentHash,
            document.Positions, document.Statistics, digest.Status, digest.DeliveredAt, digest.AcknowledgedAt, digest.RefusedPapers, document.Groups, document.LedgerCheckpoint);
    }
}

public sealed record InboxEntryResponse(Guid Id, Guid ConsultationId, string ContentHash, DateTime CompiledAt, DateTime DeliveredAt, DateTime? AcknowledgedAt)
{
    /// <summary>The entry's columns of a delivered digest: the inbox never reads a digest's document or its papers.</summary>
    public static readonly Expression<Func<Digest, InboxEntryResponse>> Projection = d =>
        new InboxEntryResponse(d.Id, d.ConsultationId, d.ContentHash, d.CompiledAt, d.DeliveredAt!.Value, d.AcknowledgedAt);
}

/// <summary>
/// What compiling would give now: the digest's shape without its <c>id</c>, nothing saved. Its <c>contentHash</c> covers the
/// same fields as a digest's but the id, so it tells whether two previews hold the same facts; a digest compiled from
/// them hashes differently, its id being part of what it signs.
/// </summary>
public sealed record DigestPreviewResponse(
    Guid ConsultationId,
    Guid RegulatorId,
    DateTime CompiledAt,
    string ContentHash,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics,
    IReadOnlyList<DigestGroup>? Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LedgerCheckpointCopy? LedgerCheckpoint)
{
    public static DigestPreviewResponse Of(DigestDocument document)
    {
        var facts = new { document.ConsultationId, document.RegulatorId, document.CompiledAt, document.Positions, document.Statistics, document.Groups, document.LedgerCheckpoint };
        return new DigestPreviewResponse(document.ConsultationId, document.RegulatorId, document.CompiledAt, Sha256Hex.OfCanonicalJson(facts),
            document.Positions, document.Statistics, document.Groups, document.LedgerCheckpoint);
    }
}

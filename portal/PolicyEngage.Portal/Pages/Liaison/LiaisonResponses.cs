using PolicyEngage.Portal.Pages.Digests;

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary>An approved position as <c>GET /api/consultations/{id}/positions</c> lists it (no body).</summary>
public sealed record PositionResponse(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary);

/// <summary>What compiling would give now (<c>GET /api/consultations/{id}/digest-preview</c>): a digest's shape without an id.</summary>
public sealed record DigestPreviewResponse(
    Guid ConsultationId,
    DateTimeOffset CompiledAt,
    string ContentHash,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics,
    IReadOnlyList<DigestGroup>? Groups);

namespace PolicyEngage.Portal.Pages.Digests;

/// <summary>A digest as <c>GET /api/digests/{id}</c> answers it in JSON (and the compile answer, the same shape).</summary>
public sealed record DigestResponse(
    Guid Id,
    Guid ConsultationId,
    Guid RegulatorId,
    DateTimeOffset CompiledAt,
    string ContentHash,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics,
    string Status,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcknowledgedAt,
    IReadOnlyList<Guid>? RefusedPapers,
    IReadOnlyList<DigestGroup>? Groups,
    string? LedgerCheckpoint)
{
    public bool IsCompiled => Status == "Compiled";
    public bool IsRefused => Status == "Refused";
    public bool IsDelivered => Status is "Delivered" or "Acknowledged";
}

public sealed record DigestPosition(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary, string? Body);

/// <summary><c>late</c> is absent from digests compiled before it joined the format.</summary>
public sealed record DigestStatistics(int Positions, int Organisations, int PendingReview, int Rejected, int Withdrawn, int? Late);

/// <summary>Near-duplicate positions; <c>similarity</c> is the lowest between two members.</summary>
public sealed record DigestGroup(IReadOnlyList<Guid> PaperIds, IReadOnlyList<string> Organisations, double Similarity);

/// <summary><c>GET /api/digests/{id}/pushes</c>: one push per webhook endpoint of the regulator.</summary>
public sealed record DigestPushResponse(Guid EndpointId, string WebhookId, string State, IReadOnlyList<DigestPushAttempt> Attempts);

public sealed record DigestPushAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, long DurationMs);

/// <summary>What the regulator keeps after acknowledging: the same on every repeat.</summary>
public sealed record DigestReceipt(Guid DigestId, string ContentHash, DateTimeOffset AcknowledgedAt, string AcknowledgedBy, string? LedgerCheckpoint);

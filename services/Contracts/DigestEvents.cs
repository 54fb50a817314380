namespace PolicyEngage.Contracts;

/// <summary>One paper version carried by a digest.</summary>
public sealed record DigestPaperVersion(Guid PaperId, int Version, string ContentHash);

public sealed record DigestCompiled(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    string ContentHash,
    IReadOnlyList<DigestPaperVersion> Papers) : IntegrationEvent;

public sealed record DigestDelivered(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    string ContentHash,
    IReadOnlyList<DigestPaperVersion> Papers) : IntegrationEvent;

public sealed record DigestAcknowledged(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    string ContentHash,
    DateTime AcknowledgedAt,
    string AcknowledgedBy) : IntegrationEvent;

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

/// <summary>RegulatorLiaison asks Submissions, the authority on withdrawal, to reserve the paper versions a digest carries.</summary>
public sealed record DigestDeliveryRequested(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    string ContentHash,
    IReadOnlyList<DigestPaperVersion> Papers) : IntegrationEvent;

/// <summary>Submissions' answer: none of the papers was withdrawn, and none can be now.</summary>
public sealed record DigestPapersReserved(
    Guid ConsultationId,
    Guid DigestId,
    IReadOnlyList<DigestPaperVersion> Papers) : IntegrationEvent;

/// <summary>Submissions' answer: these papers were withdrawn first, so the digest must not be delivered.</summary>
public sealed record DigestDeliveryRefused(
    Guid ConsultationId,
    Guid DigestId,
    IReadOnlyList<DigestPaperVersion> RefusedPapers) : IntegrationEvent;

/// <summary>A regulator's endpoint accepted the push of a delivered digest, after <c>Attempts</c> attempts.</summary>
public sealed record DigestPushed(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    Guid EndpointId,
    string WebhookId,
    int Attempts) : IntegrationEvent;

/// <summary>A push was given up: its retry schedule ran out, or its endpoint was disabled (a 410) or deleted.</summary>
public sealed record DigestPushExhausted(
    Guid ConsultationId,
    Guid RegulatorId,
    Guid DigestId,
    Guid EndpointId,
    string WebhookId,
    int Attempts,
    string Reason) : IntegrationEvent;

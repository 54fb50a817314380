namespace PolicyEngage.Contracts;

public sealed record PositionPaperSubmitted(
    Guid ConsultationId,
    Guid PaperId,
    int Version,
    string ContentHash,
    string Organisation,
    string Title,
    string Summary,
    string Body) : IntegrationEvent;

public sealed record PositionPaperWithdrawn(
    Guid ConsultationId,
    Guid PaperId,
    int Version,
    string Organisation) : IntegrationEvent;

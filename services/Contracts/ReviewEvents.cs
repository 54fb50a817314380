namespace PolicyEngage.Contracts;

public sealed record ReviewCompleted(
    Guid ConsultationId,
    Guid PaperId,
    int Version,
    string ContentHash,
    Guid ReviewCaseId,
    ReviewOutcome Outcome,
    string Comment) : IntegrationEvent;

public enum ReviewOutcome
{
    Approve,
    RequestChanges,
    Reject,
}

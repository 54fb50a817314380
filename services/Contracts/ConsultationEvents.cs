namespace PolicyEngage.Contracts;

public sealed record ConsultationOpened(
    Guid ConsultationId,
    Guid RegulatorId,
    string Reference,
    string Title,
    string Summary,
    DateTime ClosesAt) : IntegrationEvent;

public sealed record ConsultationClosed(Guid ConsultationId, Guid RegulatorId, ConsultationCloseReason Reason) : IntegrationEvent;

public enum ConsultationCloseReason
{
    ClosedByOfficer,
    DeadlinePassed,
}

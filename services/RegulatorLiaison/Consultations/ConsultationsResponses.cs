namespace PolicyEngage.RegulatorLiaison.Consultations;

public sealed record ConsultationResponse(
    Guid Id,
    Guid RegulatorId,
    string Reference,
    string Title,
    string Summary,
    DateTime ClosesAt,
    ConsultationStatus Status,
    DateTime OpenedAt,
    DateTime? ClosedAt)
{
    public static ConsultationResponse Of(Consultation c) =>
        new(c.Id, c.RegulatorId, c.Reference, c.Title, c.Summary, c.ClosesAt, c.Status, c.OpenedAt, c.ClosedAt);
}

using System.Linq.Expressions;

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
    /// <summary>The response's columns, so that a list reads only those; <see cref="Of"/> is the same mapping.</summary>
    public static readonly Expression<Func<Consultation, ConsultationResponse>> Projection = c =>
        new ConsultationResponse(c.Id, c.RegulatorId, c.Reference, c.Title, c.Summary, c.ClosesAt, c.Status, c.OpenedAt, c.ClosedAt);

    private static readonly Func<Consultation, ConsultationResponse> FromConsultation = Projection.Compile();

    public static ConsultationResponse Of(Consultation consultation) => FromConsultation(consultation);
}

namespace PolicyEngage.Portal.Pages.Consultations;

/// <summary>A consultation as <c>GET /api/consultations</c> answers it.</summary>
public sealed record ConsultationResponse(Guid Id, Guid RegulatorId, string Reference, string Title, string Summary, DateTimeOffset ClosesAt, string Status)
{
    public bool IsOpen => Status == "Open";
}

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary><c>POST /api/consultations</c>: <c>closesAt</c> in UTC.</summary>
public sealed record OpenConsultationRequest(Guid? RegulatorId, string? Reference, string? Title, string? Summary, DateTime? ClosesAt);

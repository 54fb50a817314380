namespace PolicyEngage.Portal.Pages.Regulators;

/// <summary>A regulator as <c>GET /api/regulators</c> answers it; <c>contactEmail</c> only where the API gives it (liaison officers).</summary>
public sealed record RegulatorResponse(Guid Id, string Name, string Jurisdiction, string? ContactEmail = null);

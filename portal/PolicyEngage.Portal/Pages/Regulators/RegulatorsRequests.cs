namespace PolicyEngage.Portal.Pages.Regulators;

/// <summary><c>POST /api/regulators</c>: <c>contactEmail</c> is optional (null when left empty).</summary>
public sealed record RegisterRegulatorRequest(string? Name, string? Jurisdiction, string? ContactEmail);

namespace PolicyEngage.Portal.Pages.Digests;

/// <summary><c>POST /api/digests/{id}/acknowledge</c>: the hash the regulator computed of what it received.</summary>
public sealed record AcknowledgeDigestRequest(string? ContentHash);

namespace PolicyEngage.Portal.Pages.Reviews;

/// <summary><c>POST /api/reviews/{id}/decisions</c>.</summary>
public sealed record DecisionRequest(string? Decision, string Comment);

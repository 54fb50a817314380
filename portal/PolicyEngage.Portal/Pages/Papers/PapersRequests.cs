namespace PolicyEngage.Portal.Pages.Papers;

/// <summary><c>POST /api/papers</c>.</summary>
public sealed record CreatePaperRequest(Guid ConsultationId, string Title, string Summary, string Body);

/// <summary><c>PUT /api/papers/{id}</c>: the working text.</summary>
public sealed record EditPaperRequest(string Title, string Summary, string Body);

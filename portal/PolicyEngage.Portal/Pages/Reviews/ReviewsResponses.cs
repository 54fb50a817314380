namespace PolicyEngage.Portal.Pages.Reviews;

/// <summary>A case in <c>GET /api/reviews</c>: enough to pick one, without the paper's text.</summary>
public sealed record ReviewCaseSummary(Guid Id, Guid PaperId, int PaperVersion, Guid ConsultationId, string Organisation, string Title, string Status);

/// <summary>One case as <c>GET /api/reviews/{id}</c> answers it, with its decision once taken.</summary>
public sealed record ReviewCaseResponse(
    Guid Id,
    Guid PaperId,
    int PaperVersion,
    Guid ConsultationId,
    string Organisation,
    string Title,
    string Status,
    string Summary,
    string Body,
    string ContentHash,
    DateTimeOffset OpenedAt,
    string? Decision,
    string? Comment,
    string? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    public bool IsOpen => Status == "Open";
}

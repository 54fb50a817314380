using PolicyEngage.Contracts;

namespace PolicyEngage.Reviews.ReviewCases;

/// <summary>A case in a list: enough to pick one, without the paper's text.</summary>
public sealed record ReviewCaseSummary(
    Guid Id,
    Guid PaperId,
    int PaperVersion,
    Guid ConsultationId,
    string Organisation,
    string Title,
    ReviewCaseStatus Status);

public sealed record ReviewCaseResponse(
    Guid Id,
    Guid PaperId,
    int PaperVersion,
    Guid ConsultationId,
    string Organisation,
    string Title,
    ReviewCaseStatus Status,
    string Summary,
    string Body,
    string ContentHash,
    DateTime OpenedAt,
    ReviewOutcome? Decision,
    string? Comment,
    string? DecidedBy,
    DateTime? DecidedAt)
{
    public static ReviewCaseResponse Of(ReviewCase c) => new(
        c.Id, c.PaperId, c.PaperVersion, c.ConsultationId, c.Organisation, c.Title, c.Status,
        c.Summary, c.Body, c.ContentHash, c.OpenedAt, c.Decision, c.Comment, c.DecidedBy, c.DecidedAt);
}

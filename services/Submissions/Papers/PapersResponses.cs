using System.Linq.Expressions;
using PolicyEngage.Contracts;

namespace PolicyEngage.Submissions.Papers;

public sealed record PaperResponse(
    Guid Id,
    Guid ConsultationId,
    string Organisation,
    string Title,
    string Summary,
    string Body,
    PaperStatus Status,
    int Version,
    string? ContentHash,
    bool DeliveredToRegulator,
    Guid? ReservedByDigestId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<PaperReviewResponse> Reviews)
{
    /// <summary>The author's view: the working text, hashed only once that text is a frozen version.</summary>
    public static PaperResponse WorkingCopy(Paper paper) => new(
        paper.Id, paper.ConsultationId, paper.Organisation, paper.Title, paper.Summary, paper.Body, paper.Status, paper.Version,
        paper.LatestSubmitted is { } latest && latest.Number == paper.Version ? latest.ContentHash : null,
        paper.DeliveredToRegulator, paper.ReservedByDigestId, paper.CreatedAt, paper.UpdatedAt, ReviewsOf(paper));

    /// <summary>Everyone else's view: the latest submitted version, never an edit in progress.</summary>
    public static PaperResponse Submitted(Paper paper, PaperVersion version) => new(
        paper.Id, paper.ConsultationId, paper.Organisation, version.Title, version.Summary, version.Body, paper.Status, version.Number,
        version.ContentHash, paper.DeliveredToRegulator, paper.ReservedByDigestId, paper.CreatedAt, version.SubmittedAt, ReviewsOf(paper));

    private static List<PaperReviewResponse> ReviewsOf(Paper paper) =>
        paper.Reviews.OrderBy(r => r.Version).Select(r => new PaperReviewResponse(r.Version, r.Decision, r.Comment, r.DecidedAt)).ToList();
}

/// <summary>
/// A paper in <c>GET /api/papers</c>: no body, no reviews. The projections run in the database, each field of a version
/// a subquery of its own, so that a list reads neither bodies nor reviews.
/// </summary>
public sealed record PaperListItem(
    Guid Id,
    Guid ConsultationId,
    string Organisation,
    string Title,
    string Summary,
    PaperStatus Status,
    int Version,
    string? ContentHash,
    DateTime UpdatedAt)
{
    /// <summary>The author's view, as <see cref="PaperResponse.WorkingCopy"/>: the working text, hashed once it is a frozen version.</summary>
    public static readonly Expression<Func<Paper, PaperListItem>> WorkingCopy = paper => new PaperListItem(
        paper.Id, paper.ConsultationId, paper.Organisation, paper.Title, paper.Summary, paper.Status, paper.Version,
        // Versions are numbered up to the working one, so a version of the working number is the latest, frozen as is.
        paper.Versions.Where(v => v.Number == paper.Version).Select(v => v.ContentHash).FirstOrDefault(),
        paper.UpdatedAt);

    /// <summary>Everyone else's view, as <see cref="PaperResponse.Submitted"/>: the latest submitted version. Only for papers that have one.</summary>
    public static readonly Expression<Func<Paper, PaperListItem>> Submitted = paper => new PaperListItem(
        paper.Id, paper.ConsultationId, paper.Organisation,
        paper.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First(),
        paper.Versions.OrderByDescending(v => v.Number).Select(v => v.Summary).First(),
        paper.Status,
        paper.Versions.Max(v => v.Number),
        paper.Versions.OrderByDescending(v => v.Number).Select(v => v.ContentHash).First(),
        paper.Versions.OrderByDescending(v => v.Number).Select(v => v.SubmittedAt).First());
}

public sealed record PaperReviewResponse(int Version, ReviewOutcome Decision, string Comment, DateTime DecidedAt);

/// <summary>One submitted version as it was frozen: the text a reviewer decided on, never the working text.</summary>
public sealed record PaperVersionResponse(int Version, string ContentHash, string Title, string Summary, string Body, DateTime SubmittedAt)
{
    public static PaperVersionResponse Of(PaperVersion version) =>
        new(version.Number, version.ContentHash, version.Title, version.Summary, version.Body, version.SubmittedAt);
}

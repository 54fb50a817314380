namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>A paper as <c>GET /api/papers/{id}</c> answers it: the author's working copy, or everyone else's latest submitted version.</summary>
public sealed record PaperResponse(
    Guid Id,
    Guid ConsultationId,
    string Organisation,
    string Title,
    string Summary,
    string Body,
    string Status,
    int Version,
    string? ContentHash,
    bool DeliveredToRegulator,
    Guid? ReservedByDigestId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PaperReviewResponse> Reviews)
{
    public bool IsEditable => Status is "Draft" or "ChangesRequested";

    /// <summary>A draft, or a paper sent back whose working text has become the next version by an edit.</summary>
    public bool IsSubmittable => Status == "Draft" || (Status == "ChangesRequested" && Reviews.All(r => r.Version < Version));

    /// <summary>The API refuses a withdrawal once a delivery has reserved the paper; the page does not offer it then.</summary>
    public bool IsWithdrawable => Status != "Withdrawn" && ReservedByDigestId is null && !DeliveredToRegulator;
}

public sealed record PaperReviewResponse(int Version, string Decision, string Comment, DateTimeOffset DecidedAt);

/// <summary>A paper in <c>GET /api/papers</c>: no body, no reviews.</summary>
public sealed record PaperListItem(
    Guid Id, Guid ConsultationId, string Organisation, string Title, string Summary, string Status, int Version, string? ContentHash, DateTimeOffset UpdatedAt);

/// <summary>One submitted version, frozen, from <c>GET /api/papers/{id}/versions</c>.</summary>
public sealed record PaperVersionResponse(int Version, string ContentHash, string Title, string Summary, string Body, DateTimeOffset SubmittedAt);

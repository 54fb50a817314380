using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Reviews.ReviewCases;

public static class ReviewCasesApi
{
    public static IEndpointRouteBuilder MapReviewCasesApi(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/reviews").WithTags("Reviews");
        var readers = reviews.MapGroup("").RequirePolicy(Policies.ReviewReaders);
        readers.MapGet("/", ListAsync)
            .WithName("listReviewCases")
            .WithSummary("List review cases")
            .WithDescription("Review cases in the order they opened, a page at a time (limit 1-1000, after = the last case's id, a Link to the next page while more remain), optionally only those of one status (Open, Decided, Withdrawn), consultation or paper. A reviewer never sees the cases of its own organisation's papers.")
            .ProducesInvalidParameters();
        readers.MapGet("/{id}", GetAsync)
            .WithName("getReviewCase")
            .WithSummary("Read a review case")
            .WithDescription("The submitted version under review, with its full text and contentHash, and the decision once taken.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);

        var reviewers = reviews.MapGroup("").RequirePolicy(Policies.Reviewers);
        reviewers.MapPost("/{id}/decisions", DecideAsync).Validate<DecisionRequest>()
            .WithName("decideReviewCase")
            .WithSummary("Decide a review case")
            .WithDescription("Approves the version, requests changes or rejects it, with a comment. 403 for a reviewer of the paper's own organisation; 409 once the case is decided or its paper withdrawn.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary><paramref name="status"/> binds as text so that an unknown value gets a problem naming the field.</summary>
    private static async Task<Results<Ok<List<ReviewCaseSummary>>, ValidationProblem>> ListAsync(
        string? status, Guid? consultationId, Guid? paperId, Guid? after, int? limit, HttpContext http, ReviewsDbContext db, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        ReviewCaseStatus? wanted = null;
        if (status is not null)
        {
            if (!TryParseStatus(status, out var parsed))
                return Problems.Invalid("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<ReviewCaseStatus>())}.");
            wanted = parsed;
        }
        // The cursor is looked for among the cases the caller may see, whatever the filters: a case decided since the
        // page before still continues the list.
        var cases = await VisibleTo(http.User, db).AfterAsync(after, ct);
        if (cases is null) return Problems.Invalid("after", "after is the id of the last case of the page before, one you can see.");
        if (wanted is { } wantedStatus) cases = cases.Where(c => c.Status == wantedStatus);
        if (consultationId is { } consultation) cases = cases.Where(c => c.ConsultationId == consultation);
        if (paperId is { } paper) cases = cases.Where(c => c.PaperId == paper);
        var rows = await cases
            .Take(page.Probe)
            .Select(c => new ReviewCaseSummary(c.Id, c.PaperId, c.PaperVersion, c.ConsultationId, c.Organisation, c.Title, c.Status))
            .ToListAsync(ct);
        return TypedResults.Ok(page.Finish(rows, c => c.Id.ToString(), http));
    }

    /// <summary>Auditors see every case; a reviewer none of its own organisation's papers, on any page or filter.</summary>
    private static IQueryable<ReviewCase> VisibleTo(ClaimsPrincipal user, ReviewsDbContext db)
    {
        var cases = db.ReviewCases.AsNoTracking();
        if (!user.IsInRole(Roles.Reviewer)) return cases;
        var organisation = user.Organisation();
        return cases.Where(c => c.Organisation != organisation);
    }

    private static async Task<Results<Ok<ReviewCaseResponse>, ProblemHttpResult>> GetAsync(Guid id, ReviewsDbContext db, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return reviewCase is null ? Problems.NotFound("review case") : TypedResults.Ok(ReviewCaseResponse.Of(reviewCase));
    }

    /// <summary>The SPEC's order after validation: unknown case 404, own organisation's paper 403, then the case's state 409.</summary>
    private static async Task<Results<Ok<ReviewCaseResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, DecisionRequest request, ClaimsPrincipal user, ReviewsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FindAsync([id], ct);
        if (reviewCase is null) return Problems.NotFound("review case");

        // A Reviewer token always carries its organisation: authentication refuses one without it.
        var organisation = user.Organisation()!;
        if (reviewCase.IsConflictOfInterest(organisation))
            return Problems.Forbidden("A reviewer never decides on a paper of their own organisation.");

        reviewCase.Decide(request.Decision!.Value, request.Comment!, user.Subject(), organisation, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReviewCaseResponse.Of(reviewCase));
    }

    /// <summary>Names only, ignoring case: <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> would also take "1" or "Open,Decided".</summary>
    private static bool TryParseStatus(string value, out ReviewCaseStatus status)
    {
        var name = Enum.GetNames<ReviewCaseStatus>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        status = name is null ? default : Enum.Parse<ReviewCaseStatus>(name);
        return name is not null;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
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
            .WithDescription("Review cases in the order they opened, optionally only those of one status (Open, Decided, Withdrawn).")
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
    private static async Task<Results<Ok<List<ReviewCaseSummary>>, ValidationProblem>> ListAsync(string? status, ReviewsDbContext db, CancellationToken ct)
    {
        var query = db.ReviewCases.AsNoTracking();
        if (status is not null)
        {
            if (!TryParseStatus(status, out var wanted))
                return Problems.Invalid("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<ReviewCaseStatus>())}.");
            query = query.Where(c => c.Status == wanted);
        }
        var cases = await query
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id)
            .Select(c => new ReviewCaseSummary(c.Id, c.PaperId, c.PaperVersion, c.ConsultationId, c.Organisation, c.Title, c.Status))
            .ToListAsync(ct);
        return TypedResults.Ok(cases);
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

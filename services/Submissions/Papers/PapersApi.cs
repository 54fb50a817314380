using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Validation;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Submissions.Papers;

public static class PapersApi
{
    public static IEndpointRouteBuilder MapPapersApi(this IEndpointRouteBuilder app)
    {
        var papers = app.MapGroup("/api/papers").WithTags("Papers");
        var authors = papers.MapGroup("").RequirePolicy(Policies.PolicyAuthors);
        authors.MapPost("/", CreateAsync).Validate<CreatePaperRequest>()
            .WithName("createPaper")
            .WithSummary("Draft a paper")
            .WithDescription("Creates a draft position paper of the caller's organisation for an open consultation. 409 when the consultation is unknown, closed or past its deadline.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        authors.MapPut("/{id}", EditAsync).Validate<EditPaperRequest>()
            .WithName("editPaper")
            .WithSummary("Edit a paper's working text")
            .WithDescription("Replaces the title, summary and body of a draft, or of a paper sent back for changes (the first edit starts the next version). Honours If-Match.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        authors.MapPost("/{id}/submit", SubmitAsync)
            .WithName("submitPaper")
            .WithSummary("Submit a paper for review")
            .WithDescription("Freezes the working text as the next version with its contentHash and opens its review. 409 after the consultation's deadline or when there is nothing new to submit. Honours If-Match.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        authors.MapPost("/{id}/withdraw", WithdrawAsync)
            .WithName("withdrawPaper")
            .WithSummary("Withdraw a paper")
            .WithDescription("Withdraws the paper from the consultation; a draft never submitted is discarded privately. 409 once it has been delivered. Honours If-Match.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

        var readers = papers.MapGroup("").RequirePolicy(Policies.PaperReaders);
        readers.MapGet("/{id}", GetAsync)
            .WithName("getPaper")
            .WithSummary("Read a paper")
            .WithDescription("Authors read their own organisation's working copy; reviewers, liaison officers and auditors read the latest submitted version. Both carry the decisions taken so far and an ETag: the revision for the authors who edit it, for everyone else a tag of what they are shown, which no private edit moves.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        readers.MapGet("/{id}/versions", VersionsAsync)
            .WithName("listPaperVersions")
            .WithSummary("Read every submitted version of a paper")
            .WithDescription("Each version as it was submitted, oldest first, with its contentHash: to the paper's organisation, reviewers, liaison officers and auditors. Never the working text; a paper never submitted has no versions another organisation may see (404).")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        readers.MapGet("/", ListAsync)
            .WithName("listPapers")
            .WithSummary("List papers")
            .WithDescription("Authors list their own organisation's papers, as the working copy; everyone else lists papers that have a submitted version, as last submitted. Optionally of one consultation. No bodies, no reviews. In creation order, by pages: ?limit= 1 to 1000 papers (1000 unless given) after the paper ?after= names, the last of the page before; while more remain, a Link header (rel=\"next\") names the next page. 400 for a bad limit, or an after that names no paper the caller can see.")
            .ProducesInvalidParameters();
        return app;
    }

    private static async Task<Results<Created<PaperResponse>, ProblemHttpResult>> CreateAsync(
        CreatePaperRequest request, ClaimsPrincipal user, HttpResponse response, SubmissionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var consultation = await db.Consultations.FindAsync([request.ConsultationId!.Value], ct);
        if (consultation is null) return Problems.Conflict("The consultation is unknown or not open.");

        var paper = Paper.Draft(consultation, user.Organisation()!, request.Text, user.Subject(), clock.GetUtcNow().UtcDateTime);
        db.Papers.Add(paper);
        await db.SaveChangesAsync(ct);
        PaperETag.Write(response, paper);
        return TypedResults.Created($"/api/papers/{paper.Id}", PaperResponse.WorkingCopy(paper));
    }

    private static Task<Results<Ok<PaperResponse>, ProblemHttpResult>> EditAsync(Guid id, EditPaperRequest request, HttpContext http, SubmissionsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeOwnPaperAsync(id, http, db, ct, paper =>
        {
            paper.Edit(request.Text, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });

    private static Task<Results<Ok<PaperResponse>, ProblemHttpResult>> SubmitAsync(Guid id, HttpContext http, SubmissionsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeOwnPaperAsync(id, http, db, ct, async paper =>
        {
            var consultation = await db.Consultations.FindAsync([paper.ConsultationId], ct)
                ?? throw new StateConflictException("The paper's consultation is unknown.");
            paper.Submit(consultation, http.User.Subject(), http.User.Email(), clock.GetUtcNow().UtcDateTime);
        });

    private static Task<Results<Ok<PaperResponse>, ProblemHttpResult>> WithdrawAsync(Guid id, HttpContext http, SubmissionsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeOwnPaperAsync(id, http, db, ct, paper =>
        {
            paper.Withdraw(http.User.Subject(), clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });

    /// <summary>
    /// The SPEC's order for changes: another organisation's paper is 404, a stale If-Match 412, then the paper's own
    /// rules (409). A write that loses a race at commit is stale too (412) when it named the revision it expected;
    /// without If-Match the last write wins, so it is applied again to the fresh paper.
    /// </summary>
    private static async Task<Results<Ok<PaperResponse>, ProblemHttpResult>> ChangeOwnPaperAsync(Guid id, HttpContext http, SubmissionsDbContext db, CancellationToken ct, Func<Paper, Task> change)
    {
        var organisation = http.User.Organisation();
        for (var attempt = 1; ; attempt++)
        {
            var paper = await db.Papers.SingleOrDefaultAsync(p => p.Id == id && p.Organisation == organisation, ct);
            if (paper is null) return Problems.NotFound("paper");
            if (!PaperETag.Matches(http.Request, paper)) return Problems.PreconditionFailed();

            await change(paper);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxLastWriteWinsAttempts)
            {
                if (PaperETag.NamesRevision(http.Request)) return Problems.PreconditionFailed();
                db.ChangeTracker.Clear();
                continue;
            }
            PaperETag.Write(http.Response, paper);
            return TypedResults.Ok(PaperResponse.WorkingCopy(paper));
        }
    }

    private const int MaxLastWriteWinsAttempts = 5;

    private static async Task<Results<Ok<PaperResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, HttpResponse response, SubmissionsDbContext db, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var view = paper is null ? null : ViewFor(user, paper);
        if (view is null) return Problems.NotFound("paper");

        if (user.IsInRole(Roles.PolicyAuthor)) PaperETag.Write(response, paper!);
        else PaperETag.WriteOfView(response, view);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<List<PaperVersionResponse>>, ProblemHttpResult>> VersionsAsync(
        Guid id, ClaimsPrincipal user, SubmissionsDbContext db, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (paper is null || ViewFor(user, paper) is null) return Problems.NotFound("paper");
        return TypedResults.Ok(paper.Versions.OrderBy(v => v.Number).Select(PaperVersionResponse.Of).ToList());
    }

    private static async Task<Results<Ok<List<PaperListItem>>, ValidationProblem>> ListAsync(
        Guid? consultationId, Guid? after, int? limit, HttpContext http, SubmissionsDbContext db, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        var author = http.User.IsInRole(Roles.PolicyAuthor);
        // The cursor is resolved among the papers the caller may see, so that it reveals nothing of the others.
        var listed = await ListedFor(http.User, db).AfterAsync(after, ct);
        if (listed is null) return Problems.Invalid("after", "after is the id of the last paper of the page before, a paper you can see.");
        if (consultationId is { } consultation) listed = listed.Where(p => p.ConsultationId == consultation);

        var items = await listed.Select(author ? PaperListItem.WorkingCopy : PaperListItem.Submitted).Take(page.Probe).ToListAsync(ct);
        return TypedResults.Ok(page.Finish(items, item => item.Id.ToString(), http));
    }

    /// <summary>The papers a list shows the caller, as <see cref="ViewFor"/> decides for one paper; never loaded whole.</summary>
    private static IQueryable<Paper> ListedFor(ClaimsPrincipal user, SubmissionsDbContext db)
    {
        var papers = db.Papers.AsNoTracking().IgnoreAutoIncludes();
        if (!user.IsInRole(Roles.PolicyAuthor)) return papers.Where(p => p.Versions.Any());
        var organisation = user.Organisation();
        return papers.Where(p => p.Organisation == organisation);
    }

    /// <summary>
    /// Authors see their own organisation's working copy; reviewers, liaison officers and auditors see the latest
    /// submitted version. A paper the caller may not see is null, answered as 404 so its existence stays private.
    /// </summary>
    private static PaperResponse? ViewFor(ClaimsPrincipal user, Paper paper)
    {
        if (user.IsInRole(Roles.PolicyAuthor))
            return paper.Organisation == user.Organisation() ? PaperResponse.WorkingCopy(paper) : null;
        return paper.LatestSubmitted is { } latest ? PaperResponse.Submitted(paper, latest) : null;
    }
}

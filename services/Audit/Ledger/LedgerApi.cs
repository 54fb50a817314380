using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Audit.Ledger;

public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequirePolicy(Policies.Auditors);
        audit.MapGet("/consultations/{id}/timeline", ConsultationTimelineAsync)
            .WithName("getConsultationTimeline")
            .WithSummary("A consultation's timeline")
            .WithDescription("Every ledger entry of the consultation, its papers and its digests, in ledger sequence, each with its hash and the event's data (paper bodies replaced by their SHA-256).")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/papers/{id}/timeline", PaperTimelineAsync)
            .WithName("getPaperTimeline")
            .WithSummary("A paper's timeline")
            .WithDescription("Every ledger entry of the paper and of the digests that carried it, in ledger sequence.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/actors/{subject}/timeline", ActorTimelineAsync)
            .WithName("getActorTimeline")
            .WithSummary("An actor's timeline")
            .WithDescription("Every ledger entry whose actor is that subject (a JWT sub, or system), in ledger sequence.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/verify", VerifyAsync)
            .WithName("verifyLedger")
            .WithSummary("Verify the ledger")
            .WithDescription("Checks each entry added since the last verified head (full=true: every entry): the hash chain, the rows a timeline reads against the entry's data, its Merkle leaf, and each checkpoint's signed root; names the first sequence that does not hold (a checkpoint's tree size when its root does not).")
            .ProducesInvalidParameters();
        return app;
    }

    /// <summary>Everything that happened in a consultation, its papers' events and its digests included.</summary>
    private static Task<Results<Ok<List<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> ConsultationTimelineAsync(
        Guid id, long? after, int? limit, AuditDbContext db, HttpContext http, CancellationToken ct) =>
        TimelineAsync(db, db.LedgerEntries.Where(e => e.ConsultationId == id), "consultation", after, limit, http, ct);

    /// <summary>A paper's events and those of the digests that carried it.</summary>
    private static Task<Results<Ok<List<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> PaperTimelineAsync(
        Guid id, long? after, int? limit, AuditDbContext db, HttpContext http, CancellationToken ct) =>
        TimelineAsync(db, db.LedgerEntries.Where(e => e.Papers.Any(p => p.PaperId == id)), "paper", after, limit, http, ct);

    /// <summary>What one subject did, across consultations.</summary>
    private static Task<Results<Ok<List<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> ActorTimelineAsync(
        string subject, long? after, int? limit, AuditDbContext db, HttpContext http, CancellationToken ct) =>
        subject.Length > ColumnLengths.Subject
            ? Task.FromResult<Results<Ok<List<TimelineEntry>>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("subject", $"A subject has at most {ColumnLengths.Subject} characters."))
            : TimelineAsync(db, db.LedgerEntries.Where(e => e.Actor == subject), "actor", after, limit, http, ct);

    private static async Task<Results<Ok<List<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> TimelineAsync(
        AuditDbContext db, IQueryable<LedgerEntry> entries, string resource, long? after, int? limit, HttpContext http, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        if (after is < 1) return Problems.Invalid("after", "after is the sequence of the last entry of the page before, at least 1.");
        if (after is { } cursor && !await db.LedgerEntries.AnyAsync(e => e.Sequence == cursor, ct))
            return Problems.Invalid("after", "No ledger entry has that sequence.");

        var rows = await entries.AsNoTracking()
            .Where(e => after == null || e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(page.Probe)
            .ToListAsync(ct);
        // Unknown resource: nothing at all. A page past the end of a known one: an empty page.
        if (rows.Count == 0 && after is null) return Problems.NotFound(resource);
        page.Finish(rows, e => e.Sequence.ToString(CultureInfo.InvariantCulture), http);
        return TypedResults.Ok(rows.Select(TimelineEntry.Of).ToList());
    }

    private static async Task<Ok<LedgerVerification>> VerifyAsync(bool? full, AuditDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await new LedgerVerifier(db, clock).VerifyAsync(full ?? false, recordHead: false, ct));
}

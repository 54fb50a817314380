using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;

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
        audit.MapGet("/verify", VerifyAsync)
            .WithName("verifyLedger")
            .WithSummary("Verify the ledger's hash chain")
            .WithDescription("Recomputes each entry's hash from its predecessor's and its stored event, and names the first entry that does not hold.");
        return app;
    }

    /// <summary>Everything that happened in a consultation, its papers' events and its digests included.</summary>
    private static Task<Results<Ok<List<TimelineEntry>>, ProblemHttpResult>> ConsultationTimelineAsync(Guid id, AuditDbContext db, CancellationToken ct) =>
        TimelineAsync(db.LedgerEntries.Where(e => e.ConsultationId == id), "consultation", ct);

    /// <summary>A paper's events and those of the digests that carried it.</summary>
    private static Task<Results<Ok<List<TimelineEntry>>, ProblemHttpResult>> PaperTimelineAsync(Guid id, AuditDbContext db, CancellationToken ct) =>
        TimelineAsync(db.LedgerEntries.Where(e => e.Papers.Any(p => p.PaperId == id)), "paper", ct);

    private static async Task<Results<Ok<List<TimelineEntry>>, ProblemHttpResult>> TimelineAsync(IQueryable<LedgerEntry> entries, string resource, CancellationToken ct)
    {
        var timeline = await entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        if (timeline.Count == 0) return Problems.NotFound(resource);
        return TypedResults.Ok(timeline.Select(TimelineEntry.Of).ToList());
    }

    private static async Task<Ok<LedgerVerification>> VerifyAsync(AuditDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await new LedgerChain(db).VerifyAsync(ct));
}

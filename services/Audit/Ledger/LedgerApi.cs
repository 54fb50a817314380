using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.Audit.Ledger;

public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Auditor));
        audit.MapGet("/consultations/{id}/timeline", ConsultationTimelineAsync);
        audit.MapGet("/papers/{id}/timeline", PaperTimelineAsync);
        audit.MapGet("/verify", VerifyAsync);
        return app;
    }

    /// <summary>Everything that happened in a consultation, its papers' events and its digests included.</summary>
    private static Task<IResult> ConsultationTimelineAsync(Guid id, AuditDbContext db, CancellationToken ct) =>
        TimelineAsync(db.LedgerEntries.Where(e => e.ConsultationId == id), "consultation", ct);

    /// <summary>A paper's events and those of the digests that carried it.</summary>
    private static Task<IResult> PaperTimelineAsync(Guid id, AuditDbContext db, CancellationToken ct) =>
        TimelineAsync(db.LedgerEntries.Where(e => e.Papers.Any(p => p.PaperId == id)), "paper", ct);

    private static async Task<IResult> TimelineAsync(IQueryable<LedgerEntry> entries, string resource, CancellationToken ct)
    {
        var timeline = await entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        if (timeline.Count == 0) return Problems.NotFound(resource);
        return TypedResults.Ok(timeline.Select(TimelineEntry.Of).ToList());
    }

    private static async Task<IResult> VerifyAsync(AuditDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await new LedgerChain(db).VerifyAsync(ct));
}

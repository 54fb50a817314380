using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Digests;

public static class DigestsApi
{
    public static IEndpointRouteBuilder MapDigestsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/consultations/{id}/digests", CompileAsync)
            .WithTags("Digests")
            .RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer));

        var digests = app.MapGroup("/api/digests").WithTags("Digests");
        digests.MapGet("/{id}", GetAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer, Roles.Auditor, Roles.Regulator));
        digests.MapPost("/{id}/deliver", DeliverAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer));
        digests.MapPost("/{id}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Regulator))
            .Validate<AcknowledgeDigestRequest>();

        app.MapGet("/api/regulator/inbox", InboxAsync)
            .WithTags("Digests")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Regulator));
        return app;
    }

    private static async Task<IResult> CompileAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return Problems.NotFound("consultation");

        var papers = await db.TrackedPapers.AsNoTracking().Where(p => p.ConsultationId == id).ToListAsync(ct);
        var digest = Digest.Compile(consultation, papers, user.Subject(), clock.GetUtcNow().UtcDateTime);
        db.Digests.Add(digest);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/digests/{digest.Id}", DigestResponse.Of(digest));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null || !MaySee(user, digest)) return Problems.NotFound("digest");
        return TypedResults.Ok(DigestResponse.Of(digest));
    }

    private static async Task<IResult> DeliverAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var digest = await db.Digests.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null) return Problems.NotFound("digest");

        var paperIds = digest.Papers.Select(p => p.PaperId).ToList();
        var withdrawn = await db.TrackedPapers
            .Where(p => paperIds.Contains(p.PaperId) && p.WithdrawnAt != null)
            .Select(p => p.PaperId)
            .ToListAsync(ct);
        digest.Deliver(withdrawn.ToHashSet(), user.Subject(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/digests/{digest.Id}", DigestResponse.Of(digest));
    }

    private static async Task<IResult> AcknowledgeAsync(
        Guid id, AcknowledgeDigestRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var digest = await db.Digests.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null || !digest.IsVisibleToRegulator(user.RegulatorId())) return Problems.NotFound("digest");

        var receipt = digest.Acknowledge(request.ContentHash!, user.Subject(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(receipt);
    }

    private static async Task<IResult> InboxAsync(ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulatorId = user.RegulatorId();
        var delivered = await db.Digests.AsNoTracking()
            .IgnoreAutoIncludes()
            .Where(d => d.RegulatorId == regulatorId && d.Status != DigestStatus.Compiled)
            .OrderByDescending(d => d.DeliveredAt)
            .ThenByDescending(d => d.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(delivered.Select(InboxEntryResponse.Of).ToList());
    }

    /// <summary>Liaison officers and auditors see every digest; a regulator only its own, once delivered.</summary>
    private static bool MaySee(ClaimsPrincipal user, Digest digest) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Auditor) || digest.IsVisibleToRegulator(user.RegulatorId());
}

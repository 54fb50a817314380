using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

public static class DigestPushesApi
{
    public static IEndpointRouteBuilder MapDigestPushesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/digests/{id}/pushes", ListAsync)
            .WithTags("Digests")
            .RequirePolicy(Policies.DigestReaders)
            .WithName("listDigestPushes")
            .WithSummary("How a digest's pushes went")
            .WithDescription("One entry per endpoint the delivered digest was pushed to: its webhook-id, its state and every attempt. The addressed regulator sees its own digests' pushes once delivered.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<List<DigestPushResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null || !DigestsApi.MaySee(user, digest)) return Problems.NotFound("digest");

        var pushes = await db.DigestPushes.AsNoTracking().Where(p => p.DigestId == id).OrderBy(p => p.ScheduledAt).ToListAsync(ct);
        return TypedResults.Ok(pushes.Select(DigestPushResponse.Of).ToList());
    }
}

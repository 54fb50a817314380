using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.RegulatorLiaison.Positions;

public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consultations/{id}/positions", ListAsync)
            .WithTags("Positions")
            .RequirePolicy(Policies.LiaisonReaders)
            .WithName("listPositions")
            .WithSummary("List a consultation's positions")
            .WithDescription("The approved, not withdrawn positions known so far: each paper's latest approved version with its contentHash, without the body.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<List<PositionResponse>>, ProblemHttpResult>> ListAsync(Guid id, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return Problems.NotFound("consultation");

        var papers = await db.TrackedPapers.AsNoTracking().Where(p => p.ConsultationId == id).ToListAsync(ct);
        return TypedResults.Ok(Position.Of(papers, consultation.ClosedAt).Select(PositionResponse.Of).ToList());
    }
}

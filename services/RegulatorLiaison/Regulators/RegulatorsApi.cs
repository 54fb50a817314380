using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

public static class RegulatorsApi
{
    public static IEndpointRouteBuilder MapRegulatorsApi(this IEndpointRouteBuilder app)
    {
        var regulators = app.MapGroup("/api/regulators").WithTags("Regulators");
        regulators.MapPost("/", RegisterAsync).Validate<RegisterRegulatorRequest>()
            .RequirePolicy(Policies.LiaisonOfficers)
            .WithName("registerRegulator")
            .WithSummary("Register a regulator")
            .WithDescription("Registers a regulator the alliance speaks to; consultations and digests are addressed to it.");

        var readers = regulators.MapGroup("").RequirePolicy(Policies.LiaisonReaders);
        readers.MapGet("/", ListAsync)
            .WithName("listRegulators")
            .WithSummary("List regulators")
            .WithDescription("Every registered regulator, by name.");
        readers.MapGet("/{id}", GetAsync)
            .WithName("getRegulator")
            .WithSummary("Read a regulator")
            .WithDescription("One registered regulator.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<RegulatorResponse>> RegisterAsync(
        RegisterRegulatorRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var regulator = Regulator.Register(request.Name!, request.Jurisdiction!, user.Subject(), clock.GetUtcNow().UtcDateTime);
        db.Regulators.Add(regulator);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/regulators/{regulator.Id}", RegulatorResponse.Of(regulator));
    }

    private static async Task<Ok<List<RegulatorResponse>>> ListAsync(RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulators = await db.Regulators.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(regulators.Select(RegulatorResponse.Of).ToList());
    }

    private static async Task<Results<Ok<RegulatorResponse>, ProblemHttpResult>> GetAsync(Guid id, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulator = await db.Regulators.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return regulator is null ? Problems.NotFound("regulator") : TypedResults.Ok(RegulatorResponse.Of(regulator));
    }
}

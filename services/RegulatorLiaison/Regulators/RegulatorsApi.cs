using System.Security.Claims;
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
        regulators.MapPost("/", RegisterAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer))
            .Validate<RegisterRegulatorRequest>();

        var readers = regulators.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer, Roles.Auditor));
        readers.MapGet("/", ListAsync);
        readers.MapGet("/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> RegisterAsync(
        RegisterRegulatorRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var regulator = Regulator.Register(request.Name!, request.Jurisdiction!, user.Subject(), clock.GetUtcNow().UtcDateTime);
        db.Regulators.Add(regulator);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/regulators/{regulator.Id}", RegulatorResponse.Of(regulator));
    }

    private static async Task<IResult> ListAsync(RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulators = await db.Regulators.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(regulators.Select(RegulatorResponse.Of).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulator = await db.Regulators.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return regulator is null ? Problems.NotFound("regulator") : TypedResults.Ok(RegulatorResponse.Of(regulator));
    }
}

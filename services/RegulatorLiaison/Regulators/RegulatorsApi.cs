using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
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
            .WithDescription("Registers a regulator the alliance speaks to; consultations and digests are addressed to it. contactEmail, optional, is told of each digest delivered to it; it appears in no event.");

        var readers = regulators.MapGroup("").RequirePolicy(Policies.LiaisonReaders);
        readers.MapGet("/", ListAsync)
            .WithName("listRegulators")
            .WithSummary("List regulators")
            .WithDescription("The registered regulators in the order they were registered, a page at a time: limit (1-1000, 1000 unless given) after the cursor after, the last id of the page before; a Link header names the next page while more remain. contactEmail is shown to liaison officers only (null for auditors).")
            .ProducesInvalidParameters();
        readers.MapGet("/{id}", GetAsync)
            .WithName("getRegulator")
            .WithSummary("Read a regulator")
            .WithDescription("One registered regulator; contactEmail is shown to liaison officers only (null for auditors).")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<RegulatorResponse>> RegisterAsync(
        RegisterRegulatorRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var regulator = Regulator.Register(request.Name!, request.Jurisdiction!, user.Subject(), clock.GetUtcNow().UtcDateTime, request.ContactEmail);
        db.Regulators.Add(regulator);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/regulators/{regulator.Id}", RegulatorResponse.Of(regulator, user));
    }

    private static async Task<Results<Ok<List<RegulatorResponse>>, ValidationProblem>> ListAsync(
        Guid? after, int? limit, RegulatorLiaisonDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        if (await db.Regulators.AsNoTracking().AfterAsync(after, ct) is not { } rows) return Problems.Invalid("after", "No regulator has that id.");

        var regulators = await rows.Take(page.Probe).Select(RegulatorResponse.Projection).ToListAsync(ct);
        return TypedResults.Ok(page.Finish(regulators.Select(r => r.For(http.User)).ToList(), r => r.Id.ToString(), http));
    }

    private static async Task<Results<Ok<RegulatorResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulator = await db.Regulators.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return regulator is null ? Problems.NotFound("regulator") : TypedResults.Ok(RegulatorResponse.Of(regulator, user));
    }
}

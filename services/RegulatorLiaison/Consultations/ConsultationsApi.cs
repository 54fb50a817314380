using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Consultations;

public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var consultations = app.MapGroup("/api/consultations").WithTags("Consultations");
        var officers = consultations.MapGroup("").RequirePolicy(Policies.LiaisonOfficers);
        officers.MapPost("/", OpenAsync).Validate<OpenConsultationRequest>()
            .WithName("openConsultation")
            .WithSummary("Open a consultation")
            .WithDescription("Opens a regulator's consultation that takes papers until closesAt (strictly in the future, at most two years ahead). 409 when the regulator is unknown.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        officers.MapPost("/{id}/close", CloseAsync)
            .WithName("closeConsultation")
            .WithSummary("Close a consultation")
            .WithDescription("Closes the consultation before its deadline; it then takes no more papers and its digest can be compiled. 409 when already closed.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var readers = consultations.MapGroup("").RequirePolicy(Policies.SignedIn);
        readers.MapGet("/", ListAsync)
            .WithName("listConsultations")
            .WithSummary("List consultations")
            .WithDescription("The consultations in the order they were opened, a page at a time: limit (1-1000, 1000 unless given) after the cursor after, the last id of the page before; a Link header names the next page while more remain.")
            .ProducesInvalidParameters();
        readers.MapGet("/{id}", GetAsync)
            .WithName("getConsultation")
            .WithSummary("Read a consultation")
            .WithDescription("One consultation: its regulator, deadline and status.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<ConsultationResponse>, ProblemHttpResult>> OpenAsync(
        OpenConsultationRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var regulator = await db.Regulators.FindAsync([request.RegulatorId!.Value], ct);
        if (regulator is null) return Problems.Conflict("The regulator is unknown; register it first.");

        var consultation = Consultation.Open(
            regulator, request.Reference!, request.Title!, request.Summary!, request.ClosesAtUtc!.Value, user.Subject(), clock.GetUtcNow().UtcDateTime);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/consultations/{consultation.Id}", ConsultationResponse.Of(consultation));
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> CloseAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var consultation = await db.Consultations.FindAsync([id], ct);
        if (consultation is null) return Problems.NotFound("consultation");

        consultation.Close(user.Subject(), ConsultationCloseReason.ClosedByOfficer, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConsultationResponse.Of(consultation));
    }

    private static async Task<Results<Ok<List<ConsultationResponse>>, ValidationProblem>> ListAsync(
        Guid? after, int? limit, RegulatorLiaisonDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        if (await db.Consultations.AsNoTracking().AfterAsync(after, ct) is not { } rows) return Problems.Invalid("after", "No consultation has that id.");

        var consultations = await rows.Take(page.Probe).Select(ConsultationResponse.Projection).ToListAsync(ct);
        return TypedResults.Ok(page.Finish(consultations, c => c.Id.ToString(), http));
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> GetAsync(Guid id, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return consultation is null ? Problems.NotFound("consultation") : TypedResults.Ok(ConsultationResponse.Of(consultation));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Consultations;

public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var consultations = app.MapGroup("/api/consultations").WithTags("Consultations");
        var officers = consultations.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.LiaisonOfficer));
        officers.MapPost("/", OpenAsync).Validate<OpenConsultationRequest>();
        officers.MapPost("/{id}/close", CloseAsync);

        var readers = consultations.MapGroup("").RequireAuthorization(policy => policy.RequireRole([.. Roles.All]));
        readers.MapGet("/", ListAsync);
        readers.MapGet("/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> OpenAsync(
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

    private static async Task<IResult> CloseAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var consultation = await db.Consultations.FindAsync([id], ct);
        if (consultation is null) return Problems.NotFound("consultation");

        consultation.Close(user.Subject(), ConsultationCloseReason.ClosedByOfficer, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConsultationResponse.Of(consultation));
    }

    private static async Task<IResult> ListAsync(RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(consultations.Select(ConsultationResponse.Of).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return consultation is null ? Problems.NotFound("consultation") : TypedResults.Ok(ConsultationResponse.Of(consultation));
    }
}

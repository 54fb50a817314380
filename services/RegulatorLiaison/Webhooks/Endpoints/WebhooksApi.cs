using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

/// <summary>A regulator's own push endpoints; another regulator's are 404, as if they did not exist.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/regulator/webhooks").WithTags("Webhooks").RequirePolicy(Policies.Regulators);
        webhooks.MapPost("/", RegisterAsync).Validate<RegisterWebhookRequest>()
            .WithName("registerWebhook")
            .WithSummary("Register a push endpoint")
            .WithDescription("Delivered digests are pushed to this URL, signed per Standard Webhooks with the secret returned here and never again. Outside Development only https, and never a loopback, private or link-local address.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status403Forbidden);
        webhooks.MapGet("/", ListAsync)
            .WithName("listWebhooks")
            .WithSummary("List the caller's push endpoints")
            .WithDescription("Every endpoint not deleted, oldest first, without secrets; disabledAt is set once a receiver answered 410 Gone.");
        webhooks.MapPost("/{id}/rotate", RotateAsync)
            .WithName("rotateWebhookSecret")
            .WithSummary("Rotate an endpoint's secret")
            .WithDescription("Returns a new secret; the old one keeps signing beside it for 24 hours, so the receiver can switch over.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id}", DeleteAsync)
            .WithName("deleteWebhook")
            .WithSummary("Delete a push endpoint")
            .WithDescription("Nothing more is pushed to it; its pending pushes end Disabled.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<RegisteredWebhookResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterWebhookRequest request, ClaimsPrincipal user, WebhookUrlRules rules, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (rules.Check(request.Url) is { } refusal) return Problems.Invalid("url", refusal);
        var regulatorId = user.RegulatorId();
        if (regulatorId is null || !await db.Regulators.AnyAsync(r => r.Id == regulatorId, ct))
            return Problems.Forbidden("Your token names no registered regulator.");

        var endpoint = WebhookEndpoint.Register(regulatorId.Value, request.Url!, clock.GetUtcNow().UtcDateTime);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/regulator/webhooks/{endpoint.Id}", RegisteredWebhookResponse.Of(endpoint));
    }

    private static async Task<Ok<List<WebhookResponse>>> ListAsync(ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var regulatorId = user.RegulatorId();
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.RegulatorId == regulatorId && e.DeletedAt == null)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(endpoints.Select(WebhookResponse.Of).ToList());
    }

    private static async Task<Results<Ok<RotatedWebhookResponse>, ProblemHttpResult>> RotateAsync(
        Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var endpoint = await OwnAsync(db, id, user, ct);
        if (endpoint is null) return Problems.NotFound("webhook endpoint");

        endpoint.Rotate(clock.GetUtcNow().UtcDateTime, options.Value.SecretOverlap);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedWebhookResponse(endpoint.Id, endpoint.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var endpoint = await OwnAsync(db, id, user, ct);
        if (endpoint is null) return Problems.NotFound("webhook endpoint");

        var now = clock.GetUtcNow().UtcDateTime;
        endpoint.Delete(now);
        await DigestPushes.DisablePendingAsync(db, endpoint, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<WebhookEndpoint?> OwnAsync(RegulatorLiaisonDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var regulatorId = user.RegulatorId();
        return db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.RegulatorId == regulatorId && e.DeletedAt == null, ct);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;
using PolicyEngage.RegulatorLiaison.LedgerCheckpoints;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Digests;

public static class DigestsApi
{
    public static IEndpointRouteBuilder MapDigestsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/consultations/{id}/digests", CompileAsync)
            .WithTags("Digests")
            .RequirePolicy(Policies.LiaisonOfficers)
            .WithName("compileDigest")
            .WithSummary("Compile a digest")
            .WithDescription("Compiles the closed consultation's approved positions, with their full text, statistics and contentHash, into a new digest. 409 while the consultation is open.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        app.MapGet("/api/consultations/{id}/digest-preview", PreviewAsync)
            .WithTags("Digests")
            .RequirePolicy(Policies.LiaisonOfficers)
            .WithName("previewDigest")
            .WithSummary("Preview a digest")
            .WithDescription("What compiling would give from what is known now, open or closed: the digest's shape without an id. Nothing is saved and no event is raised.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var digests = app.MapGroup("/api/digests").WithTags("Digests");
        digests.MapGet("/{id}", GetAsync)
            .RequirePolicy(Policies.DigestReaders)
            .WithName("getDigest")
            .WithSummary("Read a digest")
            .WithDescription("The digest exactly as hashed, and where its delivery stands, as JSON; or, by Accept, a document to read: text/html (one self-contained page), text/markdown or application/pdf. 406 for any other Accept. A regulator sees only its own digests, once delivered.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status406NotAcceptable);
        digests.MapPost("/{id}/deliver", DeliverAsync)
            .RequirePolicy(Policies.LiaisonOfficers)
            .WithName("deliverDigest")
            .WithSummary("Deliver a digest")
            .WithDescription("Asks Submissions to reserve the papers the digest carries: the digest is Delivering, then Delivered, or Refused (refusedPapers) when a paper was withdrawn first. 409 when refused or a carried paper is known withdrawn (compile again); asking again while Delivering or once Delivered changes nothing.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        digests.MapPost("/{id}/acknowledge", AcknowledgeAsync).Validate<AcknowledgeDigestRequest>()
            .RequirePolicy(Policies.Regulators)
            .WithName("acknowledgeDigest")
            .WithSummary("Acknowledge a digest")
            .WithDescription("The addressed regulator confirms receipt by quoting the digest's contentHash and gets a receipt; acknowledging again returns the same receipt. 409 when the hash does not match.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        app.MapGet("/api/regulator/inbox", InboxAsync)
            .WithTags("Digests")
            .RequirePolicy(Policies.Regulators)
            .WithName("getRegulatorInbox")
            .WithSummary("List the caller's delivered digests")
            .WithDescription("The digests delivered to the calling regulator in the order they were compiled, a page at a time: limit (1-1000, 1000 unless given) after the cursor after, the last id of the page before (a digest of this inbox); a Link header names the next page while more remain.")
            .ProducesInvalidParameters();
        return app;
    }

    private static async Task<Results<Created<DigestResponse>, ProblemHttpResult>> CompileAsync(
        Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, IOptions<DigestGroupingOptions> grouping, DigestMetrics metrics,
        CancellationToken ct)
    {
        if (await SourcesAsync(id, db, ct) is not var (consultation, papers, checkpoint)) return Problems.NotFound("consultation");

        var digest = metrics.TimeCompile(() =>
            Digest.Compile(consultation, papers, user.Subject(), clock.GetUtcNow().UtcDateTime, checkpoint, grouping.Value.SimilarityThreshold));
        db.Digests.Add(digest);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/digests/{digest.Id}", DigestResponse.Of(digest));
    }

    private static async Task<Results<Ok<DigestPreviewResponse>, ProblemHttpResult>> PreviewAsync(
        Guid id, RegulatorLiaisonDbContext db, TimeProvider clock, IOptions<DigestGroupingOptions> grouping, CancellationToken ct)
    {
        if (await SourcesAsync(id, db, ct) is not var (consultation, papers, checkpoint)) return Problems.NotFound("consultation");

        var document = Digest.Preview(consultation, papers, clock.GetUtcNow().UtcDateTime, checkpoint, grouping.Value.SimilarityThreshold);
        return TypedResults.Ok(DigestPreviewResponse.Of(document));
    }

    /// <summary>What a digest of the consultation is compiled from, as known now: a compiled one and a preview alike.</summary>
    private static async Task<(Consultation Consultation, List<TrackedPaper> Papers, string? LedgerCheckpoint)?> SourcesAsync(
        Guid consultationId, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return null;
        var papers = await db.TrackedPapers.AsNoTracking().Where(p => p.ConsultationId == consultationId).ToListAsync(ct);
        return (consultation, papers, await WitnessedCheckpoints.LatestNoteAsync(db, ct));
    }

    private static async Task<Results<Ok<DigestResponse>, RenderedDigest, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, RegulatorLiaisonDbContext db, CancellationToken ct)
    {
        // The same URL answers in several formats, its problems included.
        http.Response.Headers.Vary = HeaderNames.Accept;
        if (DigestMediaType.Choose(http.Request.Headers.Accept.ToString()) is not { } format)
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable",
                detail: "A digest is served as application/json, text/html, text/markdown or application/pdf.");

        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null || !MaySee(user, digest)) return Problems.NotFound("digest");
        var response = DigestResponse.Of(digest);
        if (format == DigestFormat.Json) return TypedResults.Ok(response);

        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == digest.ConsultationId, ct);
        var regulator = await db.Regulators.AsNoTracking().SingleAsync(r => r.Id == digest.RegulatorId, ct);
        return DigestRenderings.Render(DigestReading.Of(response, consultation.Reference, consultation.Title, regulator.Name), format);
    }

    private static async Task<Results<Accepted<DigestResponse>, ProblemHttpResult>> DeliverAsync(Guid id, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var digest = await db.Digests.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (digest is null) return Problems.NotFound("digest");

        var paperIds = digest.Papers.Select(p => p.PaperId).ToList();
        var withdrawn = await db.TrackedPapers
            .Where(p => paperIds.Contains(p.PaperId) && p.WithdrawnAt != null)
            .Select(p => p.PaperId)
            .ToListAsync(ct);
        digest.RequestDelivery(withdrawn.ToHashSet(), user.Subject(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/digests/{digest.Id}", DigestResponse.Of(digest));
    }

    private static async Task<Results<Ok<DigestReceipt>, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, AcknowledgeDigestRequest request, ClaimsPrincipal user, RegulatorLiaisonDbContext db, TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var digest = await db.Digests.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (digest is null || !digest.IsVisibleToRegulator(user.RegulatorId())) return Problems.NotFound("digest");

            var receipt = digest.Acknowledge(request.ContentHash!, user.Subject(), clock.GetUtcNow().UtcDateTime, await WitnessedCheckpoints.LatestNoteAsync(db, ct));
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(receipt);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // An acknowledgement at the same moment committed first: its receipt is the receipt; read it back.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Ok<List<InboxEntryResponse>>, ValidationProblem>> InboxAsync(
        Guid? after, int? limit, ClaimsPrincipal user, RegulatorLiaisonDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!ListPage.TryParse(limit, out var page, out var problem)) return problem;
        var regulatorId = user.RegulatorId();
        // The cursor is looked for among these digests only: another regulator's, or one not yet delivered, is unknown here.
        var inbox = db.Digests.AsNoTracking()
            .Where(d => d.RegulatorId == regulatorId && (d.Status == DigestStatus.Delivered || d.Status == DigestStatus.Acknowledged));
        if (await inbox.AfterAsync(after, ct) is not { } rows) return Problems.Invalid("after", "No digest of this inbox has that id.");

        var entries = await rows.Take(page.Probe).Select(InboxEntryResponse.Projection).ToListAsync(ct);
        return TypedResults.Ok(page.Finish(entries, e => e.Id.ToString(), http));
    }

    /// <summary>Liaison officers and auditors see every digest; a regulator only its own, once delivered.</summary>
    internal static bool MaySee(ClaimsPrincipal user, Digest digest) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Auditor) || digest.IsVisibleToRegulator(user.RegulatorId());
}

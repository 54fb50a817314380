using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.Audit.Checkpoints;

public static class CheckpointsApi
{
    private const string NoteContentType = "text/plain; charset=utf-8";

    public static IEndpointRouteBuilder MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/checkpoint", LatestAsync)
            .RequirePolicy(Policies.SignedIn)
            .WithName("getLatestCheckpoint")
            .WithSummary("The latest signed checkpoint")
            .WithDescription("A C2SP tlog-checkpoint note (origin, tree size, base64 root hash) signed with Ed25519 per C2SP signed-note; 404 until the first entry is signed.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/checkpoints/{treeSize}", OfSizeAsync)
            .RequirePolicy(Policies.Auditors)
            .WithName("getCheckpoint")
            .WithSummary("The checkpoint of one tree size")
            .WithDescription("The signed note of exactly that size; every checkpoint is kept.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/key", Key)
            .RequirePolicy(Policies.SignedIn)
            .WithName("getLedgerKey")
            .WithSummary("The checkpoints' verifier key")
            .WithDescription("The origin and the signed-note verifier key (<origin>+<key id hex>+<base64(0x01 ‖ Ed25519 public key)>) that verifies every checkpoint.");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> LatestAsync(AuditDbContext db, CancellationToken ct)
    {
        var note = await db.LedgerCheckpoints.OrderByDescending(c => c.TreeSize).Select(c => c.Note).FirstOrDefaultAsync(ct);
        return note is null ? Problems.NotFound("checkpoint") : TypedResults.Text(note, NoteContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> OfSizeAsync(long treeSize, AuditDbContext db, CancellationToken ct)
    {
        var note = await db.LedgerCheckpoints.Where(c => c.TreeSize == treeSize).Select(c => c.Note).FirstOrDefaultAsync(ct);
        return note is null ? Problems.NotFound("checkpoint") : TypedResults.Text(note, NoteContentType);
    }

    private static Ok<LedgerKeyResponse> Key(NoteSigner signer) => TypedResults.Ok(new LedgerKeyResponse(signer.Name, signer.VerifierKey));
}

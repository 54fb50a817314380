using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.Audit.Proofs;

/// <summary>Single entries and the proofs that tie them, and older heads, to a signed checkpoint.</summary>
public static class ProofsApi
{
    public static IEndpointRouteBuilder MapProofsApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequirePolicy(Policies.Auditors);
        audit.MapGet("/entries/{sequence}", EntryAsync)
            .WithName("getLedgerEntry")
            .WithSummary("One ledger entry")
            .WithDescription("The entry of that sequence, as a timeline shows it.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/entries/{sequence}/proof", InclusionAsync)
            .WithName("getInclusionProof")
            .WithSummary("An entry's inclusion proof")
            .WithDescription("The RFC 6962 audit path of the entry in the tree of a checkpoint (treeSize, the latest checkpoint's when left out). 400 when treeSize is below the entry's sequence; 404 when there is no such entry or no checkpoint of that size.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        audit.MapGet("/consistency", ConsistencyAsync)
            .WithName("getConsistencyProof")
            .WithSummary("A consistency proof between two checkpoints")
            .WithDescription("RFC 6962 §2.1.2: that the tree of size from is a prefix of the tree of size to. Both must be checkpoint sizes, 1 ≤ from ≤ to.")
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<TimelineEntry>, ProblemHttpResult>> EntryAsync(long sequence, AuditDbContext db, CancellationToken ct)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence, ct);
        return entry is null ? Problems.NotFound("entry") : TypedResults.Ok(TimelineEntry.Of(entry));
    }

    private static async Task<Results<Ok<InclusionProofResponse>, ValidationProblem, ProblemHttpResult>> InclusionAsync(
        long sequence, long? treeSize, AuditDbContext db, CancellationToken ct)
    {
        if (treeSize is < 1) return Problems.Invalid("treeSize", "A tree size is at least 1.");
        if (treeSize < sequence) return Problems.Invalid("treeSize", "The tree of that size does not hold the entry: it must be at least the entry's sequence.");
        if (!await db.LedgerEntries.AnyAsync(e => e.Sequence == sequence, ct)) return Problems.NotFound("entry");
        var checkpoint = await CheckpointAsync(db, treeSize, ct);
        if (checkpoint is null) return Problems.NotFound("checkpoint");
        if (checkpoint.TreeSize < sequence) return Problems.NotFound("checkpoint");

        var hashes = await new LedgerTree(db).InclusionProofAsync(sequence - 1, checkpoint.TreeSize, ct);
        return TypedResults.Ok(new InclusionProofResponse(sequence - 1, checkpoint.TreeSize, checkpoint.RootHash, Hex(hashes)));
    }

    private static async Task<Results<Ok<ConsistencyProofResponse>, ValidationProblem, ProblemHttpResult>> ConsistencyAsync(
        long? from, long? to, AuditDbContext db, CancellationToken ct)
    {
        if (from is not >= 1) return Problems.Invalid("from", "Give from, a checkpoint's tree size, at least 1.");
        if (to is null) return Problems.Invalid("to", "Give to, a checkpoint's tree size.");
        if (to < from) return Problems.Invalid("to", "to must be at least from: trees only grow.");
        var sizes = await db.LedgerCheckpoints.Where(c => c.TreeSize == from || c.TreeSize == to).Select(c => new { c.TreeSize, c.RootHash }).ToListAsync(ct);
        var older = sizes.SingleOrDefault(c => c.TreeSize == from);
        var newer = sizes.SingleOrDefault(c => c.TreeSize == to);
        if (older is null || newer is null) return Problems.NotFound("checkpoint");

        var hashes = await new LedgerTree(db).ConsistencyProofAsync(from.Value, to.Value, ct);
        return TypedResults.Ok(new ConsistencyProofResponse(from.Value, to.Value, older.RootHash, newer.RootHash, Hex(hashes)));
    }

    private static Task<Checkpoints.LedgerCheckpoint?> CheckpointAsync(AuditDbContext db, long? treeSize, CancellationToken ct) =>
        treeSize is { } size
            ? db.LedgerCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.TreeSize == size, ct)
            : db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(ct);

    private static List<string> Hex(IReadOnlyList<byte[]> hashes) => hashes.Select(Convert.ToHexStringLower).ToList();
}

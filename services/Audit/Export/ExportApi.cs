using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Checkpoints;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Audit.Export;

/// <summary>
/// The ledger, or the part of it one consultation, paper or actor touches, in a form an outsider checks offline with
/// policyengage-verify: the latest checkpoint, then each entry it covers with the entry's inclusion proof in its tree.
/// </summary>
public static class ExportApi
{
    private const string Ndjson = "application/x-ndjson";
    private const string Csv = "text/csv";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/export", ExportAsync)
            .WithTags("Audit")
            .RequirePolicy(Policies.Auditors)
            .WithName("exportLedger")
            .WithSummary("Export entries with their proofs")
            .WithDescription("application/x-ndjson, streamed: the first line {\"checkpoint\": note}, then {\"entry\": …, \"proof\": [hex…]} for each matching entry the checkpoint covers. Filters (consultationId, paperId, actor) combine with AND; none exports everything. Accept: text/csv gives the entries as CSV (RFC 4180, a header row). 404 until a checkpoint is signed.")
            .Produces<string>(StatusCodes.Status200OK, Ndjson, Csv)
            .ProducesInvalidParameters()
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        Guid? consultationId, Guid? paperId, string? actor, HttpRequest request, AuditDbContext db, CancellationToken ct)
    {
        if (actor is { Length: 0 or > ColumnLengths.Subject })
            return Problems.Invalid("actor", $"An actor is a subject of 1 to {ColumnLengths.Subject} characters.");
        var checkpoint = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(ct);
        if (checkpoint is null) return Problems.NotFound("checkpoint");

        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= checkpoint.TreeSize);
        if (consultationId is { } consultation) entries = entries.Where(e => e.ConsultationId == consultation);
        if (paperId is { } paper) entries = entries.Where(e => e.Papers.Any(p => p.PaperId == paper));
        if (actor is not null) entries = entries.Where(e => e.Actor == actor);
        var ordered = entries.OrderBy(e => e.Sequence);

        var asCsv = request.Headers.Accept.Any(value => value?.Contains(Csv, StringComparison.OrdinalIgnoreCase) == true);
        return asCsv
            ? TypedResults.Stream(stream => WriteCsvAsync(stream, ordered, ct), $"{Csv}; charset=utf-8")
            : TypedResults.Stream(stream => WriteNdjsonAsync(stream, ordered, checkpoint, new LedgerTree(db), ct), Ndjson);
    }

    private static async Task WriteNdjsonAsync(Stream stream, IQueryable<LedgerEntry> entries, LedgerCheckpoint checkpoint, LedgerTree tree, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        await writer.WriteLineAsync(new JsonObject { ["checkpoint"] = checkpoint.Note }.ToJsonString(JsonDefaults.Options));
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            var proof = await tree.InclusionProofAsync(entry.Sequence - 1, checkpoint.TreeSize, ct);
            var line = new JsonObject
            {
                ["entry"] = TimelineEntry.JsonOf(entry),
                ["proof"] = new JsonArray([.. proof.Select(hash => JsonValue.Create(Convert.ToHexStringLower(hash)))]),
            };
            await writer.WriteLineAsync(line.ToJsonString(JsonDefaults.Options));
        }
    }

    private static async Task WriteCsvAsync(Stream stream, IQueryable<LedgerEntry> entries, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
        await writer.WriteLineAsync("sequence,eventId,eventType,occurredAt,actor,service,consultationId,paperId,hash");
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            var occurredAt = JsonSerializer.Serialize(entry.OccurredAt, JsonDefaults.Options).Trim('"');
            await writer.WriteLineAsync(string.Join(',',
                entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EventId.ToString(), Field(entry.EventType), occurredAt,
                Field(entry.Actor), Field(entry.Service), entry.ConsultationId?.ToString() ?? "", entry.PaperId?.ToString() ?? "", entry.Hash));
        }
    }

    /// <summary>RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

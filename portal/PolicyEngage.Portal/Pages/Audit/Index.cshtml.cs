using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Audit;

/// <summary>The ledger as an auditor checks it: is the chain intact, its latest signed checkpoint, the key that verifies it, and exports.</summary>
[Authorize(Policy = Policies.Auditors)]
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    /// <summary><c>?full=true</c>: re-check every entry rather than what was added since the last verified checkpoint.</summary>
    [BindProperty(SupportsGet = true)] public bool Full { get; set; }

    public ApiResult<LedgerVerification> Verification { get; private set; } = null!;
    public ApiResult<LedgerKeyResponse> Key { get; private set; } = null!;

    /// <summary>The latest checkpoint note, or null before the first is signed.</summary>
    public string? Checkpoint { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var verification = gateway.GetAsync<LedgerVerification>(Full ? "/api/audit/verify?full=true" : "/api/audit/verify", cancellationToken);
        var key = gateway.GetAsync<LedgerKeyResponse>("/api/audit/key", cancellationToken);
        using (var note = await gateway.GetRawAsync("/api/audit/checkpoint", "text/plain", cancellationToken))
            Checkpoint = note.IsSuccessStatusCode ? await note.Content.ReadAsStringAsync(cancellationToken) : null;
        Verification = await verification;
        Key = await key;
    }

    /// <summary>
    /// <c>?handler=Export</c>: the API's export streamed on to the browser as a file, NDJSON (with the checkpoint and
    /// each entry's inclusion proof) or CSV; filters as the API takes them.
    /// </summary>
    public async Task<IActionResult> OnGetExport(string? format, Guid? consultationId, Guid? paperId, string? actor, CancellationToken cancellationToken)
    {
        // A filter that is not an id would otherwise be dropped, and the export widen to everything.
        if (!ModelState.IsValid) return BadRequest();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var filters = new List<string>();
        if (consultationId is { } consultation) filters.Add($"consultationId={consultation}");
        if (paperId is { } paper) filters.Add($"paperId={paper}");
        if (!string.IsNullOrWhiteSpace(actor)) filters.Add($"actor={Uri.EscapeDataString(actor.Trim())}");
        var path = "/api/audit/export" + (filters.Count == 0 ? "" : "?" + string.Join("&", filters));

        var answer = await gateway.GetRawAsync(path, csv ? "text/csv" : "application/x-ndjson", cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            var status = answer.StatusCode;
            answer.Dispose();
            return StatusCode((int)(status == HttpStatusCode.BadRequest ? HttpStatusCode.BadRequest : status));
        }
        HttpContext.Response.RegisterForDispose(answer);
        var contentType = answer.Content.Headers.ContentType?.ToString() ?? (csv ? "text/csv" : "application/x-ndjson");
        return File(await answer.Content.ReadAsStreamAsync(cancellationToken), contentType, csv ? "ledger-export.csv" : "ledger-export.ndjson");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Accounts;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Digests;

/// <summary>
/// One digest, rendered here from its JSON, for the liaison office (which delivers it), the auditor and the addressed
/// regulator (which acknowledges it by its hash); its renderings as downloads; its webhook pushes.
/// </summary>
[Authorize(Policy = Policies.DigestReaders)]
public sealed class DetailsModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    private const string ReceiptKey = "Receipt";

    /// <summary>The renderings the API gives, by the handler name that downloads each.</summary>
    private static readonly Dictionary<string, (string MediaType, string Extension)> Renderings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Pdf"] = ("application/pdf", "pdf"),
        ["Markdown"] = ("text/markdown", "md"),
        ["Html"] = ("text/html", "html"),
        ["Json"] = ("application/json", "json"),
    };

    public DigestResponse Digest { get; private set; } = null!;
    public ConsultationResponse? Consultation { get; private set; }
    public IReadOnlyList<DigestPushResponse>? Pushes { get; private set; }
    public DigestReceipt? Receipt { get; private set; }

    [BindProperty] public string? ContentHash { get; set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        if (TempData[ReceiptKey] is string receipt) Receipt = JsonSerializer.Deserialize<DigestReceipt>(receipt, GatewayClient.Json);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDeliver(Guid id, CancellationToken cancellationToken)
    {
        if (!User.Is(Roles.LiaisonOfficer)) return Forbid();
        var problem = await gateway.SendAsync(HttpMethod.Post, $"/api/digests/{id}/deliver", cancellationToken: cancellationToken);
        if (problem is null)
        {
            TempData["Delivering"] = true;
            return Redirect($"/digests/{id}");
        }
        ModelState.AddApiProblem(problem, text);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAcknowledge(Guid id, CancellationToken cancellationToken)
    {
        if (!User.Is(Roles.Regulator)) return Forbid();
        var hash = ContentHash?.Trim();
        var acknowledged = await gateway.PostAsync<DigestReceipt>($"/api/digests/{id}/acknowledge", new AcknowledgeDigestRequest(hash), cancellationToken: cancellationToken);
        if (acknowledged.Succeeded)
        {
            TempData[ReceiptKey] = JsonSerializer.Serialize(acknowledged.Value, GatewayClient.Json);
            return Redirect($"/digests/{id}#receipt");
        }
        switch (acknowledged.Problem.Status)
        {
            case HttpStatusCode.BadRequest:
                ModelState.AddModelError(nameof(ContentHash), text["That is not a SHA-256 value: enter 64 characters, 0-9 and a-f."]);
                break;
            case HttpStatusCode.Conflict:
                ModelState.AddModelError(nameof(ContentHash), text["That hash does not match this digest's: what you computed is not what was delivered, or it was computed differently. No receipt was issued."]);
                break;
            default:
                ModelState.AddApiProblem(acknowledged.Problem, text);
                break;
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    /// <summary><c>?handler=Pdf</c> (or Markdown, Html, Json): the API's rendering, passed to the browser as a file.</summary>
    public async Task<IActionResult> OnGetDownload(Guid id, string? format, CancellationToken cancellationToken)
    {
        if (format is null || !Renderings.TryGetValue(format, out var rendering)) return NotFound();
        var answer = await gateway.GetRawAsync($"/api/digests/{id}", rendering.MediaType, cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            answer.Dispose();
            return StatusCode((int)answer.StatusCode);
        }
        HttpContext.Response.RegisterForDispose(answer);
        var contentType = answer.Content.Headers.ContentType?.ToString() ?? rendering.MediaType;
        return File(await answer.Content.ReadAsStreamAsync(cancellationToken), contentType, $"digest-{id}.{rendering.Extension}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var digest = await gateway.GetAsync<DigestResponse>($"/api/digests/{id}", cancellationToken);
        if (!digest.Succeeded) return StatusCode((int)digest.Problem.Status);
        Digest = digest.Value;
        var consultation = gateway.GetAsync<ConsultationResponse>($"/api/consultations/{Digest.ConsultationId}", cancellationToken);
        var pushes = gateway.GetAsync<List<DigestPushResponse>>($"/api/digests/{id}/pushes", cancellationToken);
        Consultation = (await consultation).Value;
        Pushes = (await pushes).Value;
        return null;
    }
}

using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>
/// One paper as the API shows it to the reader (the author's working copy, or the latest submitted version), its
/// decisions, its submitted versions and what changed between two of them; the author's actions by its status.
/// </summary>
[Authorize(Policy = Policies.PaperReaders)]
public sealed class DetailsModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    /// <summary>The revision the page was read at, sent back as <c>If-Match</c> so a stale page cannot submit.</summary>
    [BindProperty] public string? ETag { get; set; }

    public PaperResponse Paper { get; private set; } = null!;
    public IReadOnlyList<PaperVersionResponse> Versions { get; private set; } = [];
    public VersionComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSubmit(Guid id, CancellationToken cancellationToken)
    {
        var submitted = await gateway.PostAsync<PaperResponse>($"/api/papers/{id}/submit", ifMatch: string.IsNullOrEmpty(ETag) ? null : ETag, cancellationToken: cancellationToken);
        if (submitted.Succeeded)
        {
            TempData[PaperNotice.Key] = PaperNotice.Submitted;
            return Redirect($"/papers/{id}");
        }
        if (submitted.Problem.Status == HttpStatusCode.NotFound) return NotFound();
        ModelState.AddApiProblem(submitted.Problem, text);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    /// <summary>Null when loaded; else what to answer instead (404 for a paper the reader may not see).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var paper = await gateway.GetAsync<PaperResponse>($"/api/papers/{id}", cancellationToken);
        if (!paper.Succeeded) return paper.Problem.Status == HttpStatusCode.NotFound ? NotFound() : StatusCode((int)paper.Problem.Status);
        Paper = paper.Value;
        ETag = paper.ETag;
        // The form posts back the tag the page was read at; a reload after a refusal reads the current one.
        ModelState.Remove(nameof(ETag));

        var versions = await gateway.GetAsync<List<PaperVersionResponse>>($"/api/papers/{id}/versions", cancellationToken);
        Versions = versions.Succeeded ? versions.Value : [];
        Comparison = VersionComparison.Of(Versions, From, To);
        return null;
    }
}

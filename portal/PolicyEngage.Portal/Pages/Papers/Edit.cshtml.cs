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
/// The author edits the working text. The revision the form was read at goes back as <c>If-Match</c>, so that two
/// people editing at once cannot silently overwrite each other (412).
/// </summary>
[Authorize(Policy = Policies.PolicyAuthors)]
public sealed class EditModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel, IPaperTextForm
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Summary { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public string? ETag { get; set; }

    public PaperResponse Paper { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        var paper = await gateway.GetAsync<PaperResponse>($"/api/papers/{id}", cancellationToken);
        if (!paper.Succeeded) return Refusal(paper.Problem);
        Paper = paper.Value;
        (Title, Summary, Body, ETag) = (Paper.Title, Paper.Summary, Paper.Body, paper.ETag);
        return Page();
    }

    public async Task<IActionResult> OnPostPreview(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ShowAgainAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var saved = await gateway.PutAsync<PaperResponse>($"/api/papers/{id}", new EditPaperRequest(Title, Summary, Body),
            string.IsNullOrEmpty(ETag) ? null : ETag, cancellationToken);
        if (saved.Succeeded)
        {
            TempData[PaperNotice.Key] = PaperNotice.Saved;
            return Redirect($"/papers/{id}");
        }
        if (saved.Problem.Status == HttpStatusCode.NotFound) return NotFound();
        ModelState.Clear();
        ModelState.AddApiProblem(saved.Problem, text, PaperTextFields.FromApi);
        return await ShowAgainAsync(id, cancellationToken);
    }

    /// <summary>The form again with the author's text as typed (never lost to a refusal) and the revision it was read at.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        var paper = await gateway.GetAsync<PaperResponse>($"/api/papers/{id}", cancellationToken);
        if (!paper.Succeeded) return Refusal(paper.Problem);
        Paper = paper.Value;
        return Page();
    }

    private IActionResult Refusal(ApiProblem problem) => problem.Status == HttpStatusCode.NotFound ? NotFound() : StatusCode((int)problem.Status);
}

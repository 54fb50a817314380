using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>Withdrawing asks first, on a page of its own, and says what it means for this paper before it is done.</summary>
[Authorize(Policy = Policies.PolicyAuthors)]
public sealed class WithdrawModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty] public string? ETag { get; set; }

    public PaperResponse Paper { get; private set; } = null!;

    /// <summary>A paper never submitted leaves no trace outside the organisation; a submitted one leaves its withdrawal on record.</summary>
    public bool NeverSubmitted => Paper.Status == "Draft";

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var withdrawn = await gateway.PostAsync<PaperResponse>($"/api/papers/{id}/withdraw", ifMatch: string.IsNullOrEmpty(ETag) ? null : ETag, cancellationToken: cancellationToken);
        if (withdrawn.Succeeded)
        {
            TempData[PaperNotice.Key] = PaperNotice.Withdrawn;
            return Redirect($"/papers/{id}");
        }
        if (withdrawn.Problem.Status == HttpStatusCode.NotFound) return NotFound();
        ModelState.AddApiProblem(withdrawn.Problem, text);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var paper = await gateway.GetAsync<PaperResponse>($"/api/papers/{id}", cancellationToken);
        if (!paper.Succeeded) return paper.Problem.Status == HttpStatusCode.NotFound ? NotFound() : StatusCode((int)paper.Problem.Status);
        Paper = paper.Value;
        ETag = paper.ETag;
        ModelState.Remove(nameof(ETag));
        return null;
    }
}

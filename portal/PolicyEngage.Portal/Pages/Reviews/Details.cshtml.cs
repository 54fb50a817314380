using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Papers;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Reviews;

/// <summary>One review case: the version of the paper it is about, exactly as submitted, and for a reviewer on an open case, the decision.</summary>
[Authorize(Policy = Policies.ReviewReaders)]
public sealed class DetailsModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    /// <summary>The API's decisions, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<string> Decisions = ["Approve", "RequestChanges", "Reject"];

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string Comment { get; set; } = "";

    public ReviewCaseResponse Case { get; private set; } = null!;

    /// <summary>The submitted version the case is about; null only if Submissions cannot show it.</summary>
    public PaperVersionResponse? Version { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var decided = await gateway.PostAsync<ReviewCaseResponse>($"/api/reviews/{id}/decisions", new DecisionRequest(Decision, Comment), cancellationToken: cancellationToken);
        if (decided.Succeeded)
        {
            TempData["ReviewNotice"] = decided.Value.Decision;
            return Redirect("/reviews");
        }
        if (decided.Problem.Status == HttpStatusCode.NotFound) return NotFound();
        ModelState.Clear();
        if (decided.Problem.Status == HttpStatusCode.Forbidden)
            ModelState.AddModelError("", text["You may not decide on your own organisation's paper."]);
        else
            ModelState.AddApiProblem(decided.Problem, text, new Dictionary<string, string> { ["decision"] = nameof(Decision), ["comment"] = nameof(Comment) });
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var reviewCase = await gateway.GetAsync<ReviewCaseResponse>($"/api/reviews/{id}", cancellationToken);
        if (!reviewCase.Succeeded) return reviewCase.Problem.Status == HttpStatusCode.NotFound ? NotFound() : StatusCode((int)reviewCase.Problem.Status);
        Case = reviewCase.Value;
        var versions = await gateway.GetAsync<List<PaperVersionResponse>>($"/api/papers/{Case.PaperId}/versions", cancellationToken);
        Version = versions.Succeeded ? versions.Value.FirstOrDefault(v => v.Version == Case.PaperVersion) : null;
        return null;
    }
}

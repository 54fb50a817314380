using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Regulators;

/// <summary>The regulators the liaison office speaks to, a page at a time, and the form that registers one.</summary>
[Authorize(Policy = Policies.LiaisonOfficers)]
public sealed class IndexModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = nameof(Name), ["jurisdiction"] = nameof(Jurisdiction), ["contactEmail"] = nameof(ContactEmail),
    };

    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Jurisdiction { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }

    public IReadOnlyList<RegulatorResponse> Regulators { get; private set; } = [];
    public string? NextAfter { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public Task OnGet(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegister(CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();
        var registered = await gateway.PostAsync<RegulatorResponse>("/api/regulators", new RegisterRegulatorRequest(Name, Jurisdiction, email), cancellationToken: cancellationToken);
        if (!registered.Succeeded)
        {
            ModelState.AddApiProblem(registered.Problem, text, Fields);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Registered"] = registered.Value.Name;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var after = Guid.TryParse(After, out var cursor) ? $"&after={cursor}" : "";
        var page = await gateway.GetPageAsync<RegulatorResponse>($"/api/regulators?limit={PageSize}{after}", cancellationToken);
        if (!page.Succeeded)
        {
            Problem = page.Problem;
            return;
        }
        Regulators = page.Value.Items;
        NextAfter = page.Value.NextAfter;
    }
}

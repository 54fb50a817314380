using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Webhooks;

/// <summary>
/// Where the regulator's digests are pushed. A secret is shown once, on the page right after registering or rotating
/// (carried there in TempData, which is read once and then gone); the API never shows it again.
/// </summary>
[Authorize(Policy = Policies.Regulators)]
public sealed class IndexModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty] public string? Address { get; set; }

    public IReadOnlyList<WebhookResponse> Endpoints { get; private set; } = [];
    public ApiProblem? Problem { get; private set; }

    /// <summary>The secret just issued, this once, and whether it came from a rotation.</summary>
    public string? NewSecret { get; private set; }
    public string? NewSecretUrl { get; private set; }
    public bool Rotated { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        NewSecret = TempData["Secret"] as string;
        NewSecretUrl = TempData["SecretUrl"] as string;
        Rotated = TempData["Rotated"] is true;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRegister(CancellationToken cancellationToken)
    {
        var registered = await gateway.PostAsync<RegisteredWebhookResponse>("/api/regulator/webhooks", new RegisterWebhookRequest(Address?.Trim()), cancellationToken: cancellationToken);
        if (!registered.Succeeded)
        {
            ModelState.AddApiProblem(registered.Problem, text, new Dictionary<string, string> { ["url"] = nameof(Address) });
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Secret"] = registered.Value.Secret;
        TempData["SecretUrl"] = registered.Value.Url;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotate(Guid id, CancellationToken cancellationToken)
    {
        var rotated = await gateway.PostAsync<RotatedWebhookResponse>($"/api/regulator/webhooks/{id}/rotate", cancellationToken: cancellationToken);
        if (!rotated.Succeeded)
        {
            ModelState.AddApiProblem(rotated.Problem, text);
            await LoadAsync(cancellationToken);
            return Page();
        }
        await LoadAsync(cancellationToken);
        TempData["Secret"] = rotated.Value.Secret;
        TempData["SecretUrl"] = Endpoints.FirstOrDefault(e => e.Id == id)?.Url;
        TempData["Rotated"] = true;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var endpoints = await gateway.GetAsync<List<WebhookResponse>>("/api/regulator/webhooks", cancellationToken);
        if (endpoints.Succeeded) Endpoints = endpoints.Value;
        else Problem = endpoints.Problem;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Webhooks;

/// <summary>Deleting an endpoint stops its pending pushes: the page asks first, then deletes (204).</summary>
[Authorize(Policy = Policies.Regulators)]
public sealed class DeleteModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    public WebhookResponse Endpoint { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        var endpoints = await gateway.GetAsync<List<WebhookResponse>>("/api/regulator/webhooks", cancellationToken);
        if (!endpoints.Succeeded) return StatusCode((int)endpoints.Problem.Status);
        if (endpoints.Value.FirstOrDefault(e => e.Id == id) is not { } endpoint) return NotFound();
        Endpoint = endpoint;
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var problem = await gateway.SendAsync(HttpMethod.Delete, $"/api/regulator/webhooks/{id}", cancellationToken: cancellationToken);
        if (problem is null)
        {
            // A flag, not the id: TempData reads a string that parses as a GUID back as a Guid.
            TempData["Deleted"] = true;
            return Redirect("/webhooks");
        }
        ModelState.AddApiProblem(problem, text);
        return await OnGet(id, cancellationToken);
    }
}

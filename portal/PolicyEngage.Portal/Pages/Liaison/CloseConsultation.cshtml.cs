using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary>Closing cannot be undone: the page asks first (it works without script), then closes.</summary>
[Authorize(Policy = Policies.LiaisonOfficers)]
public sealed class CloseConsultationModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    public ConsultationResponse Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await gateway.GetAsync<ConsultationResponse>($"/api/consultations/{id}", cancellationToken);
        if (!consultation.Succeeded) return StatusCode((int)consultation.Problem.Status);
        Consultation = consultation.Value;
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var closed = await gateway.PostAsync<ConsultationResponse>($"/api/consultations/{id}/close", cancellationToken: cancellationToken);
        if (closed.Succeeded)
        {
            TempData["Closed"] = true;
            return Redirect($"/consultations/{id}");
        }
        ModelState.AddApiProblem(closed.Problem, text);
        return await OnGet(id, cancellationToken);
    }
}

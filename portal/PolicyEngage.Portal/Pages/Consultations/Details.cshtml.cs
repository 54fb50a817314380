using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;

namespace PolicyEngage.Portal.Pages.Consultations;

/// <summary>One consultation; below it, what the signed-in role does with it (each role's section is its own view component).</summary>
public sealed class DetailsModel(GatewayClient gateway) : PageModel
{
    public ConsultationResponse Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await gateway.GetAsync<ConsultationResponse>($"/api/consultations/{id}", cancellationToken);
        if (!consultation.Succeeded) return StatusCode((int)consultation.Problem.Status);
        Consultation = consultation.Value;
        return Page();
    }
}

using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.Portal.Pages.Digests;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary>
/// Compiles a digest and goes to its page; a refusal is explained here (the consultation still open, or positions
/// still on their way to the liaison office).
/// </summary>
[Authorize(Policy = Policies.LiaisonOfficers)]
public sealed class CompileModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel
{
    public ConsultationResponse? Consultation { get; private set; }

    /// <summary>Why the compile was refused, in the reader's terms, when it was a state conflict.</summary>
    public CompileRefusal? Refusal { get; private set; }

    public IActionResult OnGet(Guid id) => Redirect($"/consultations/{id}");

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var compiled = await gateway.PostAsync<DigestResponse>($"/api/consultations/{id}/digests", cancellationToken: cancellationToken);
        if (compiled.Succeeded) return Redirect($"/digests/{compiled.Value.Id}");
        if (compiled.Problem.Status == HttpStatusCode.NotFound) return NotFound();

        var consultation = await gateway.GetAsync<ConsultationResponse>($"/api/consultations/{id}", cancellationToken);
        Consultation = consultation.Value;
        if (compiled.Problem.Status == HttpStatusCode.Conflict)
            Refusal = Consultation is { IsOpen: true } ? CompileRefusal.StillOpen : CompileRefusal.PositionsArriving;
        else ModelState.AddApiProblem(compiled.Problem, text);
        return Page();
    }
}

public enum CompileRefusal
{
    StillOpen,
    PositionsArriving,
}

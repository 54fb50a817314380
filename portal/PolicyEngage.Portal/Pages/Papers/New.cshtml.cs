using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>A new draft of the author's organisation for one consultation.</summary>
[Authorize(Policy = Policies.PolicyAuthors)]
public sealed class NewModel(GatewayClient gateway, IStringLocalizer<SharedText> text) : PageModel, IPaperTextForm
{
    [BindProperty(SupportsGet = true)] public Guid ConsultationId { get; set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Summary { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";

    public ConsultationResponse? Consultation { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public Task OnGet(CancellationToken cancellationToken) => LoadConsultationAsync(cancellationToken);

    /// <summary>Without script, the preview is the server's: the same page again with the text as typed.</summary>
    public async Task<IActionResult> OnPostPreview(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadConsultationAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var created = await gateway.PostAsync<PaperResponse>("/api/papers", new CreatePaperRequest(ConsultationId, Title, Summary, Body), cancellationToken: cancellationToken);
        if (!created.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddApiProblem(created.Problem, text, PaperTextFields.FromApi);
            await LoadConsultationAsync(cancellationToken);
            return Page();
        }
        TempData[PaperNotice.Key] = PaperNotice.Created;
        return Redirect($"/papers/{created.Value.Id}");
    }

    private async Task LoadConsultationAsync(CancellationToken cancellationToken)
    {
        var consultation = await gateway.GetAsync<ConsultationResponse>($"/api/consultations/{ConsultationId}", cancellationToken);
        if (consultation.Succeeded) Consultation = consultation.Value;
        else Problem = consultation.Problem;
    }
}

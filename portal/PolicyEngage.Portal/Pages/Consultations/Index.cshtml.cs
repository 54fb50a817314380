using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;

namespace PolicyEngage.Portal.Pages.Consultations;

/// <summary>Every consultation, newest last as the API orders them, a page at a time.</summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<ConsultationResponse> Consultations { get; private set; } = [];
    public string? NextAfter { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var after = Guid.TryParse(After, out var cursor) ? $"&after={cursor}" : "";
        var page = await gateway.GetPageAsync<ConsultationResponse>($"/api/consultations?limit={PageSize}{after}", cancellationToken);
        if (!page.Succeeded)
        {
            Problem = page.Problem;
            return;
        }
        Consultations = page.Value.Items;
        NextAfter = page.Value.NextAfter;
    }
}

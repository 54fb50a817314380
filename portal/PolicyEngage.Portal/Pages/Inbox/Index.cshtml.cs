using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Inbox;

/// <summary>The digests delivered to the signed-in regulator, a page at a time, each with its consultation's name.</summary>
[Authorize(Policy = Policies.Regulators)]
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<InboxEntryResponse> Digests { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ConsultationResponse> Consultations { get; private set; } = new Dictionary<Guid, ConsultationResponse>();
    public string? NextAfter { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var after = Guid.TryParse(After, out var cursor) ? $"&after={cursor}" : "";
        var page = await gateway.GetPageAsync<InboxEntryResponse>($"/api/regulator/inbox?limit={PageSize}{after}", cancellationToken);
        if (!page.Succeeded)
        {
            Problem = page.Problem;
            return;
        }
        Digests = page.Value.Items;
        NextAfter = page.Value.NextAfter;
        // A page holds a few consultations at most; one request each, side by side.
        var consultations = await Task.WhenAll(Digests.Select(d => d.ConsultationId).Distinct()
            .Select(id => gateway.GetAsync<ConsultationResponse>($"/api/consultations/{id}", cancellationToken)));
        Consultations = consultations.Where(c => c.Succeeded).Select(c => c.Value!).ToDictionary(c => c.Id);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Audit;

/// <summary>A consultation's history across every service, as the ledger holds it, a page of entries at a time.</summary>
[Authorize(Policy = Policies.Auditors)]
public sealed class ConsultationTimelineModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Guid ConsultationId { get; private set; }
    public ConsultationResponse? Consultation { get; private set; }
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public TimelineChart Chart { get; private set; } = null!;
    public string? NextAfter { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        ConsultationId = id;
        var after = After is { } cursor ? $"&after={cursor}" : "";
        var consultation = gateway.GetAsync<ConsultationResponse>($"/api/consultations/{id}", cancellationToken);
        var page = await gateway.GetPageAsync<TimelineEntry>($"/api/audit/consultations/{id}/timeline?limit={PageSize}{after}", cancellationToken);
        if (!page.Succeeded) return StatusCode((int)page.Problem.Status);
        Consultation = (await consultation).Value;
        Entries = page.Value.Items;
        NextAfter = page.Value.NextAfter;
        Chart = TimelineChart.Of(Entries);
        return Page();
    }
}

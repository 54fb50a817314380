using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Reviews;

/// <summary>The open review cases, as the API lists them to the reader (a reviewer never sees its own organisation's), a page at a time.</summary>
[Authorize(Policy = Policies.ReviewReaders)]
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<ReviewCaseSummary> Cases { get; private set; } = [];
    public string? NextAfter { get; private set; }
    public ApiProblem? Problem { get; private set; }

    /// <summary>The consultations the cases belong to, by id, for their titles (one list read, not one per case).</summary>
    public IReadOnlyDictionary<Guid, ConsultationResponse> Consultations { get; private set; } = new Dictionary<Guid, ConsultationResponse>();

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var after = Guid.TryParse(After, out var cursor) ? $"&after={cursor}" : "";
        var page = await gateway.GetPageAsync<ReviewCaseSummary>($"/api/reviews?status=Open&limit={PageSize}{after}", cancellationToken);
        if (!page.Succeeded)
        {
            Problem = page.Problem;
            return;
        }
        Cases = page.Value.Items;
        NextAfter = page.Value.NextAfter;
        if (Cases.Count == 0) return;
        var consultations = await gateway.GetPageAsync<ConsultationResponse>("/api/consultations?limit=1000", cancellationToken);
        if (consultations.Succeeded) Consultations = consultations.Value.Items.ToDictionary(c => c.Id);
    }
}

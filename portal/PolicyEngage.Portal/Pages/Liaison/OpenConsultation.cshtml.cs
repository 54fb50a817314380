using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.Portal.Pages.Regulators;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary>
/// Opens a consultation for a registered regulator. The deadline is typed in the reader's own time zone (a
/// <c>datetime-local</c> field has none) and sent as UTC; the API judges whether it is in the future and within two years.
/// </summary>
[Authorize(Policy = Policies.LiaisonOfficers)]
public sealed class OpenConsultationModel(GatewayClient gateway, ReaderClock clock, IStringLocalizer<SharedText> text) : PageModel
{
    /// <summary>What a <c>datetime-local</c> field sends, with or without seconds.</summary>
    private static readonly string[] LocalFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["regulatorId"] = nameof(RegulatorId), ["reference"] = nameof(Reference), ["title"] = nameof(Title),
        ["summary"] = nameof(Summary), ["closesAt"] = nameof(ClosesAt),
    };

    [BindProperty] public Guid? RegulatorId { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }

    /// <summary>As the field sends it (<c>2026-12-24T17:00</c>), read in <see cref="TimeZone"/>.</summary>
    [BindProperty] public string? ClosesAt { get; set; }

    public IReadOnlyList<RegulatorResponse> Regulators { get; private set; } = [];
    public ApiProblem? Problem { get; private set; }
    public TimeZoneInfo TimeZone => clock.TimeZone;
    public string TimeZoneName => TimeZone == TimeZoneInfo.Utc ? "UTC" : TimeZone.Id;

    public Task OnGet(CancellationToken cancellationToken) => LoadRegulatorsAsync(cancellationToken);

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        DateTime? closesAt = null;
        if (!string.IsNullOrWhiteSpace(ClosesAt))
        {
            if (!DateTime.TryParseExact(ClosesAt, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                ModelState.AddModelError(nameof(ClosesAt), text["Enter the deadline as a date and a time."]);
            else if (TimeZone.IsInvalidTime(local))
                ModelState.AddModelError(nameof(ClosesAt), text["That time does not exist in your time zone (the clocks skip it); choose another."]);
            else closesAt = TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
        }
        if (ModelState.ErrorCount == 0)
        {
            var opened = await gateway.PostAsync<ConsultationResponse>("/api/consultations",
                new OpenConsultationRequest(RegulatorId, Reference, Title, Summary, closesAt), cancellationToken: cancellationToken);
            if (opened.Succeeded)
            {
                TempData["Opened"] = opened.Value.Reference;
                return Redirect($"/consultations/{opened.Value.Id}");
            }
            ModelState.AddApiProblem(opened.Problem, text, Fields);
        }
        await LoadRegulatorsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadRegulatorsAsync(CancellationToken cancellationToken)
    {
        var page = await gateway.GetPageAsync<RegulatorResponse>("/api/regulators?limit=1000", cancellationToken);
        if (page.Succeeded) Regulators = page.Value.Items;
        else Problem = page.Problem;
    }
}

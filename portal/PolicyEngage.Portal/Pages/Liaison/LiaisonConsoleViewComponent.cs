using Microsoft.AspNetCore.Mvc;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Pages.Consultations;

namespace PolicyEngage.Portal.Pages.Liaison;

/// <summary>
/// The liaison officer's section of a consultation's page: close it, the approved positions, what compiling would
/// give now, and the button that compiles.
/// </summary>
public sealed class LiaisonConsoleViewComponent(GatewayClient gateway) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ConsultationResponse consultation)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var positions = gateway.GetAsync<List<PositionResponse>>($"/api/consultations/{consultation.Id}/positions", cancellationToken);
        var preview = gateway.GetAsync<DigestPreviewResponse>($"/api/consultations/{consultation.Id}/digest-preview", cancellationToken);
        return View("~/Pages/Liaison/LiaisonConsole.cshtml", new LiaisonConsole(consultation, await positions, await preview));
    }
}

public sealed record LiaisonConsole(ConsultationResponse Consultation, ApiResult<List<PositionResponse>> Positions, ApiResult<DigestPreviewResponse> Preview);

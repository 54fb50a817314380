using Microsoft.AspNetCore.Mvc;
using PolicyEngage.Portal.Accounts;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Pages.Consultations;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>
/// A consultation's papers as the API lists them to the reader: an author's own organisation's papers (drafts
/// included) and the way to write one while the consultation is open; for reviewers, liaison officers and auditors, the
/// papers submitted so far.
/// </summary>
public sealed class ConsultationPapersViewComponent(GatewayClient gateway) : ViewComponent
{
    public const int PageSize = 100;

    public async Task<IViewComponentResult> InvokeAsync(ConsultationResponse consultation)
    {
        if (!Policies.RolesOf[Policies.PaperReaders].Any(role => UserClaimsPrincipal.Is(role))) return Content("");
        var papers = await gateway.GetPageAsync<PaperListItem>($"/api/papers?consultationId={consultation.Id}&limit={PageSize}", HttpContext.RequestAborted);
        return View("/Pages/Papers/_ConsultationPapers.cshtml", new ConsultationPapers(consultation, UserClaimsPrincipal.Is(Roles.PolicyAuthor),
            papers.Succeeded ? papers.Value.Items : [], papers.Succeeded && papers.Value.NextAfter is not null, papers.Problem));
    }
}

public sealed record ConsultationPapers(ConsultationResponse Consultation, bool ForAuthor, IReadOnlyList<PaperListItem> Papers, bool MoreThanShown, ApiProblem? Problem);

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Localization;

namespace PolicyEngage.Portal.Pages;

/// <summary>The language switch on every page: remembers the reader's choice and brings them back to where they were.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (PortalCultures.Supported(culture) is { } chosen) PortalCultures.Remember(Response, chosen);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

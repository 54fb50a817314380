using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;

namespace PolicyEngage.Portal.Pages;

/// <summary>Ends the session (a POST, so another site cannot sign a user out with a link).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPost()
    {
        await HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
        return LocalRedirect("/signin");
    }
}

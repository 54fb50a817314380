using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;

namespace PolicyEngage.Portal.Pages;

/// <summary>Ends the session (a POST, so another site cannot sign a user out with a link).</summary>
/// <remarks>
/// With OpenID Connect this ends the portal's session only: the provider's own session is the provider's (a single
/// sign-out through its end-session endpoint is not wired yet), so the next sign-in may pass through it.
/// </remarks>
public sealed class SignOutModel(SignInMode mode) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPost()
    {
        await HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
        // Development: the sign-in form. OpenID Connect: a page that says so, rather than straight back to the provider.
        return LocalRedirect(mode.OpenIdConnect ? "/signedout" : "/signin");
    }
}

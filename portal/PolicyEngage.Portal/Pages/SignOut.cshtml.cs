using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;

namespace PolicyEngage.Portal.Pages;

/// <summary>Ends the session (a POST, so another site cannot sign a user out with a link).</summary>
public sealed class SignOutModel(SignInMode mode) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPost()
    {
        // The provider's session ends too, or the next sign-in would pass through it without asking who is there.
        if (mode.OpenIdConnect)
            return SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, PortalSignIn.CookieScheme, PortalSignIn.OpenIdScheme);
        await HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
        return LocalRedirect("/signin");
    }
}

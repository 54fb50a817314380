using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;

namespace PolicyEngage.Portal.Pages;

/// <summary>
/// Where the identity provider's redirect lands after the session is set (see <see cref="PortalSignIn"/>): the request
/// came from the provider's site, so it carries no session; the refresh (or the link) this page gives is this site's
/// own navigation, which does.
/// </summary>
public sealed class SignInContinueModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

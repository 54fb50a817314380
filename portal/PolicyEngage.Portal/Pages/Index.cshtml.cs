using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;

namespace PolicyEngage.Portal.Pages;

/// <summary>The front door: each role's main page, or sign-in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(User.HomePage()) : LocalRedirect("/signin");
}

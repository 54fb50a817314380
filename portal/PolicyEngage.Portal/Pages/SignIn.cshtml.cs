using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyEngage.Portal.Accounts;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Pages;

/// <summary>
/// Development: a token from the gateway's <c>/dev/token</c> for whoever the form names. Elsewhere: off to the
/// identity provider.
/// </summary>
public sealed class SignInModel(GatewayClient gateway, SignInMode mode, IWebHostEnvironment environment, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Regulator { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => mode.OpenIdConnect ? Challenge(new AuthenticationProperties { RedirectUri = Back() }, PortalSignIn.OpenIdScheme) : Page();

    public async Task<IActionResult> OnPost()
    {
        if (mode.OpenIdConnect || !environment.IsDevelopment()) return NotFound();
        var answer = await gateway.PostAsync<DevToken>("/dev/token", new
        {
            subject = Subject,
            role = Role,
            org = Roles.ScopeClaimOf(Role ?? "") == PolicyEngageClaims.Organisation ? Organisation : null,
            regulator = Roles.ScopeClaimOf(Role ?? "") == PolicyEngageClaims.Regulator ? Regulator : null,
            email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        });
        if (!answer.Succeeded)
        {
            ModelState.AddApiProblem(answer.Problem, text, new Dictionary<string, string>
            {
                ["subject"] = nameof(Subject), ["role"] = nameof(Role), ["org"] = nameof(Organisation),
                ["regulator"] = nameof(Regulator), ["email"] = nameof(Email),
            });
            return Page();
        }
        var principal = AccessTokenPrincipal.From(answer.Value.AccessToken, PortalSignIn.CookieScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = AccessTokenPrincipal.ExpiryOf(answer.Value.AccessToken), IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = PortalSignIn.AccessTokenName, Value = answer.Value.AccessToken }]);
        await HttpContext.SignInAsync(PortalSignIn.CookieScheme, principal, properties);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : principal.HomePage());
    }

    private string Back() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private sealed record DevToken(string AccessToken);
}

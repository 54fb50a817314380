using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Accounts;

/// <summary>
/// A session is an encrypted, HttpOnly, SameSite=Strict cookie that holds the user's API token: page script never
/// sees it. In Development without an authority, <c>/signin</c> asks the gateway's <c>/dev/token</c>; otherwise the
/// user signs in at the identity provider (<c>Auth:Authority</c>) with OpenID Connect.
/// </summary>
public static class PortalSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OpenIdScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string AccessTokenName = "access_token";
    public const string SessionCookieName = "policyengage.session";

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var auth = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var authority = string.IsNullOrWhiteSpace(auth.Authority) ? null : auth.Authority;
        if (authority is null && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Refusing to start in {builder.Environment.EnvironmentName} without {JwtAuthentication.AuthoritySetting}: outside Development people " +
                "sign in at the identity provider; the development sign-in exists only in Development.");

        var keys = builder.Services.AddDataProtection().SetApplicationName("PolicyEngage.Portal");
        if (!string.IsNullOrWhiteSpace(portal.KeysDirectory)) keys.PersistKeysToFileSystem(Directory.CreateDirectory(portal.KeysDirectory));

        builder.Services.AddSingleton(new SignInMode(authority is not null));
        var authentication = builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = authority is null ? CookieScheme : OpenIdScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/signin";
                cookie.AccessDeniedPath = "/forbidden";
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = EndWithTheToken;
            });
        if (authority is not null)
            authentication.AddOpenIdConnect(OpenIdScheme, oidc =>
            {
                oidc.Authority = authority;
                oidc.RequireHttpsMetadata = !authority.StartsWith("http://127.0.0.1", StringComparison.Ordinal)
                    && !authority.StartsWith("http://localhost", StringComparison.Ordinal);
                oidc.ClientId = portal.ClientId;
                oidc.ClientSecret = portal.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" }.Concat(portal.Scopes)) oidc.Scope.Add(scope);
                // The provider's redirect back is a cross-site navigation: Strict cookies would not come with it.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.Events.OnTokenValidated = AccessTokenPrincipal.ReplaceWithAccessToken;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>A session lasts as long as its token: an expired token would only earn 401s from the API.</summary>
    private static async Task EndWithTheToken(CookieValidatePrincipalContext context)
    {
        var expires = context.Properties.ExpiresUtc;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expires is not null && expires <= clock.GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}

/// <summary>Whether people sign in at an identity provider (OpenID Connect) or through the development form.</summary>
public sealed record SignInMode(bool OpenIdConnect);

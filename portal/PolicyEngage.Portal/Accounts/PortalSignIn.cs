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

        if (authority is not null) JwtAuthentication.RefuseInsecureMetadata(auth, builder.Environment);

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
                // The same rule as the gateway's and the services' (Auth:RequireHttpsMetadata): they trust the same keys.
                oidc.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                oidc.ClientId = portal.ClientId;
                oidc.ClientSecret = portal.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                // The code comes back in the query of a top-level GET, the one cross-site request that Lax cookies go with;
                // the default form_post is a cross-site POST, which would leave the correlation and nonce cookies behind.
                oidc.ResponseMode = "query";
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" }.Concat(portal.Scopes)) oidc.Scope.Add(scope);
                // The provider's redirect back is a cross-site navigation: Strict cookies would not come with it.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                // Secure wherever the browser came over HTTPS (the gateway says so), as the session cookie is.
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Events.OnTokenValidated = AccessTokenPrincipal.ReplaceWithAccessToken;
                oidc.Events.OnTicketReceived = ContinueOnThisSite;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// The redirect after <c>/signin-oidc</c> still belongs to the navigation the provider started, so the Strict session
    /// cookie just set would not come with it and the user would be sent to sign in again. A page of this site takes
    /// them on instead (<c>/signin/continue</c>): a navigation it starts is same-site.
    /// </summary>
    private static Task ContinueOnThisSite(TicketReceivedContext context)
    {
        context.ReturnUri = $"{SignInContinuePath}?returnUrl={Uri.EscapeDataString(context.ReturnUri ?? "/")}";
        return Task.CompletedTask;
    }

    public const string SignInContinuePath = "/signin/continue";

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

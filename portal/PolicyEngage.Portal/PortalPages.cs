using Microsoft.AspNetCore.HttpOverrides;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Security;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal;

public static class PortalPages
{
    /// <summary>
    /// Server-rendered pages (Razor Pages), every one signed-in only unless it says otherwise, every form checked
    /// against cross-site request forgery (Razor Pages validate the token on each POST), the role policies the
    /// gateway and the services use.
    /// </summary>
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AllowAnonymousToPage("/Index");
                pages.Conventions.AllowAnonymousToPage("/SignIn");
                pages.Conventions.AllowAnonymousToPage("/SignInContinue");
                pages.Conventions.AllowAnonymousToPage("/Culture");
                pages.Conventions.AllowAnonymousToPage("/Error");
                pages.Conventions.AllowAnonymousToPage("/SignedOut");
            })
            .AddViewLocalization()
            .AddMvcOptions(mvc => mvc.Filters.Add<SessionExpiredFilter>());
        builder.Services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "policyengage.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        builder.Services.AddAuthorization(Policies.AddTo);
        builder.Services.AddScoped<ReaderClock>();
        builder.Services.AddSingleton(TimeProvider.System);
        // Behind the gateway: links and redirects name the address the browser used, not the portal's own.
        var trustAnyProxy = builder.Configuration.GetValue<bool>($"{PortalOptions.Section}:{nameof(PortalOptions.TrustForwardedHeaders)}");
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (!trustAnyProxy) return;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        return builder;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PolicyEngage.Portal.Localization;

/// <summary>
/// English and Simplified Chinese. The reader's choice (the switch on every page, kept in a cookie) wins over the
/// browser's <c>Accept-Language</c>; <c>zh-CN</c>, <c>zh-SG</c> and <c>zh</c> all read as Simplified Chinese.
/// </summary>
public static class PortalCultures
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";
    public static readonly IReadOnlyList<string> All = [English, SimplifiedChinese];

    public static WebApplicationBuilder AddPortalCultures(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = All.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new ChineseScriptRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>The culture a reader asked for by name, if the portal speaks it.</summary>
    public static string? Supported(string? name) => All.FirstOrDefault(culture => string.Equals(culture, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cookie the switch sets: a year, this site only.</summary>
    public static void Remember(HttpResponse response, string culture) => response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}

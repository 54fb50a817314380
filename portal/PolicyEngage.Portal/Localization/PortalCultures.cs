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
            options.DefaultRequestCulture = new RequestCulture(English);
            // Words in the two languages; dates and numbers in the reader's own variant of them (en-GB, en-IN, zh-SG…).
            options.SupportedCultures = Formats;
            options.SupportedUICultures = All.Select(CultureInfo.GetCultureInfo).ToList();
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

    /// <summary>Every English and Simplified Chinese variant whose dates and numbers a reader may want.</summary>
    private static readonly IList<CultureInfo> Formats = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Where(culture => culture.TwoLetterISOLanguageName == "en" || culture.Name.StartsWith("zh-Hans", StringComparison.Ordinal))
        // ICU lists these as zh-Hans-CN and zh-Hans-SG; browsers say zh-CN and zh-SG.
        .Concat(new[] { English, SimplifiedChinese, "zh-CN", "zh-SG" }.Select(CultureInfo.GetCultureInfo))
        .DistinctBy(culture => culture.Name)
        .ToList();

    public static bool FormatsIn(string name) => Formats.Any(culture => string.Equals(culture.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The culture a reader asked for by name, if the portal speaks it.</summary>
    public static string? Supported(string? name) => All.FirstOrDefault(culture => string.Equals(culture, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cookie the switch sets: a year, this site only.</summary>
    public static void Remember(HttpResponse response, string culture) => response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}

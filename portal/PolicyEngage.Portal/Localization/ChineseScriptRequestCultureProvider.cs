using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace PolicyEngage.Portal.Localization;

/// <summary>
/// Browsers say <c>zh-CN</c> or plain <c>zh</c>, not <c>zh-Hans</c>; ICU's parent chain does not lead every one of
/// them to <c>zh-Hans</c>, so this reads any Chinese tag but the traditional ones as Simplified Chinese when the reader
/// ranks it above English.
/// </summary>
public sealed class ChineseScriptRequestCultureProvider : RequestCultureProvider
{
    private static readonly string[] Traditional = ["zh-TW", "zh-HK", "zh-MO", "zh-Hant"];

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages))
            return NullProviderCultureResult;
        foreach (var language in languages.Where(l => l.Quality != 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return NullProviderCultureResult;
            if (tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
                return Traditional.Any(t => tag.StartsWith(t, StringComparison.OrdinalIgnoreCase))
                    ? NullProviderCultureResult
                    // The words in Simplified Chinese; the dates as the reader's own variant writes them, where known.
                    : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(
                        PortalCultures.FormatsIn(tag) ? tag : PortalCultures.SimplifiedChinese, PortalCultures.SimplifiedChinese));
        }
        return NullProviderCultureResult;
    }
}

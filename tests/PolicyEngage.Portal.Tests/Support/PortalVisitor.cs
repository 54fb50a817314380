using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// One person at the portal: a browser context of their own (their own cookies, language and time zone), signed in
/// through the real sign-in form, reaching the portal through the gateway.
/// </summary>
public sealed class PortalVisitor : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PortalVisitor(IBrowserContext context, IPage page, string locale)
    {
        _context = context;
        Page = page;
        Locale = locale;
    }

    public IPage Page { get; }

    /// <summary>The browser's language (its Accept-Language): <c>en-GB</c> or <c>zh-CN</c>.</summary>
    public string Locale { get; }

    public static async Task<PortalVisitor> OpenAsync(Chromium chromium, PortalSystem system, string locale = "en-GB")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.PortalAddress,
            Locale = locale,
            TimezoneId = locale.StartsWith("zh", StringComparison.Ordinal) ? "Asia/Shanghai" : "Europe/Brussels",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new PortalVisitor(context, page, locale);
    }

    /// <summary>The development sign-in form, by its fields' ids so that it reads the same in both languages.</summary>
    public async Task SignInAsync(string subject, string role, string? organisation = null, Guid? regulator = null, string? email = null)
    {
        await Page.GotoAsync("/signin");
        await Page.Locator("#Subject").FillAsync(subject);
        await Page.Locator("#Role").SelectOptionAsync(role);
        if (organisation is not null) await Page.Locator("#Organisation").FillAsync(organisation);
        if (regulator is not null) await Page.Locator("#Regulator").FillAsync(regulator.Value.ToString());
        if (email is not null) await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("form.stacked button[type=submit]").ClickAsync();
        await Page.ArriveAtAsync(url => !url.Contains("/signin", StringComparison.Ordinal), "a page past the sign-in");
    }

    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>A full-page screenshot kept as a test artefact (see <see cref="Artefacts"/>).</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artefacts.File($"{name}.{Locale}.png"), FullPage = true });

    /// <summary>
    /// axe-core's WCAG 2.0-2.2 A and AA rules on the page as it stands; records the counts for the report and fails on
    /// any serious or critical violation, naming each.
    /// </summary>
    public async Task CheckAccessibilityAsync(string pageName)
    {
        var result = await Page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });
        AxeReport.Record(pageName, Locale, result);
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0,
            $"{pageName} ({Locale}) has serious or critical accessibility violations:\n" + string.Join("\n",
                blocking.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}; at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

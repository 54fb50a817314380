using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// Waiting for the page a step leads to. When it never comes, the failure says where the browser is instead and what
/// that page says (an error summary, a problem), rather than Playwright's bare timeout.
/// </summary>
public static class Arrival
{
    public static Task ArriveAtAsync(this IPage page, Regex url) => ArriveAsync(page, url.ToString(), () => page.WaitForURLAsync(url));

    public static Task ArriveAtAsync(this IPage page, string url) => ArriveAsync(page, url, () => page.WaitForURLAsync(url));

    public static Task ArriveAtAsync(this IPage page, Func<string, bool> url, string what) => ArriveAsync(page, what, () => page.WaitForURLAsync(url));

    private static async Task ArriveAsync(IPage page, string expected, Func<Task> waiting)
    {
        try
        {
            await waiting();
        }
        catch (TimeoutException timeout)
        {
            var text = await page.Locator("main").CountAsync() > 0 ? await page.Locator("main").InnerTextAsync() : await page.ContentAsync();
            throw new TimeoutException($"Never arrived at {expected}; the browser is at {page.Url}, which says:\n{text[..Math.Min(text.Length, 2000)]}", timeout);
        }
    }
}

using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// Reloads a page until it shows what another service learns an event or two later (a delivery, a push): the portal
/// renders on the server, so only a new request can show it.
/// </summary>
public static class PageReload
{
    public static async Task UntilVisibleAsync(IPage page, ILocator locator, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        while (await locator.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The page never showed {what}: {page.Url}");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }
}

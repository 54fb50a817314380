using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>What another service learns arrives an event later: a person reloads until the page shows it.</summary>
public static class Reloading
{
    public static async Task ReloadUntilAsync(this IPage page, ILocator shows, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (await shows.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < until, $"{page.Url} never showed {what} within {seconds} s.");
            await Task.Delay(300);
            await page.ReloadAsync();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace PolicyEngage.Testing.Lists;

/// <summary>A list read as a client reads it (SPEC, "HTTP API"): page by page, by the <c>Link</c> each page names.</summary>
public static class ListPages
{
    /// <summary>The ids of one page, which must be a 200.</summary>
    public static async Task<List<Guid>> IdsAsync(HttpResponseMessage page)
    {
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.RequestMessage?.RequestUri}: {(int)page.StatusCode} {await page.Content.ReadAsStringAsync()}");
        var items = await page.Content.ReadFromJsonAsync<JsonElement>();
        return items.EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>
    /// Follows the next links from <paramref name="first"/> until none, calling <paramref name="betweenPages"/> with the
    /// number of pages read so far after each page that names a next one; returns the ids met, in the order met.
    /// </summary>
    public static async Task<List<Guid>> FollowAsync(HttpClient client, string first, Func<int, Task> betweenPages)
    {
        var seen = new List<Guid>();
        var (next, pages) = ((string?)first, 0);
        while (next is not null)
        {
            using var page = await client.GetAsync(next);
            seen.AddRange(await IdsAsync(page));
            next = NextLink.Of(page);
            Assert.True(++pages < 1000, "the next link never ends");
            if (next is not null) await betweenPages(pages);
        }
        return seen;
    }
}

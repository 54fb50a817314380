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
    /// number of pages read so far after each page that names a next one; returns the ids met, in the order met, and
    /// adds each next link followed to <paramref name="links"/> when given.
    /// </summary>
    public static async Task<List<Guid>> FollowAsync(HttpClient client, string first, Func<int, Task> betweenPages, ICollection<string>? links = null)
    {
        var seen = new List<Guid>();
        var (next, pages) = ((string?)first, 0);
        while (next is not null)
        {
            using var page = await client.GetAsync(next);
            seen.AddRange(await IdsAsync(page));
            next = NextLink.Of(page);
            Assert.True(++pages < 1000, "the next link never ends");
            if (next is null) continue;
            links?.Add(next);
            await betweenPages(pages);
        }
        return seen;
    }

    /// <summary>
    /// The SPEC's page links on a list whose last three items are <paramref name="lastThree"/>: a page of two names the
    /// next by its last id and the limit, relative to <paramref name="list"/>; the last page names none; past the end is
    /// <c>[]</c> with none.
    /// </summary>
    public static async Task AssertLinksAsync(HttpClient client, string list, IReadOnlyList<Guid> lastThree)
    {
        var all = await IdsAsync(await client.GetAsync(list));
        Assert.Equal(lastThree, all.TakeLast(3));
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        using var first = await client.GetAsync($"{list}{separator}limit=2");
        using var last = await client.GetAsync($"{list}{separator}after={all[^3]}&limit=2");
        using var pastTheEnd = await client.GetAsync($"{list}{separator}after={all[^1]}");

        Assert.Equal(all.Take(2), await IdsAsync(first));
        Assert.Equal($"{list}{separator}after={all[1]}&limit=2", NextLink.Of(first));
        Assert.Equal(all.TakeLast(2), await IdsAsync(last));
        Assert.Null(NextLink.Of(last));
        Assert.Empty(await IdsAsync(pastTheEnd));
        Assert.Null(NextLink.Of(pastTheEnd));
    }
}

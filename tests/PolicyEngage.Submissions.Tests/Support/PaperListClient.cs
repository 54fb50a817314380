using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Submissions.Papers;

namespace PolicyEngage.Submissions.Tests.Support;

/// <summary><c>GET /api/papers</c> as a client pages it: a page of items and the next page's reference, if any.</summary>
internal static partial class PaperListClient
{
    public static async Task<(List<PaperListItem> Items, string? Next)> ListAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<List<PaperListItem>>(JsonDefaults.Options))!, NextOf(response));
    }

    /// <summary>Every page from <paramref name="uri"/> on, following each Link as given; <paramref name="betweenPages"/> runs after each page.</summary>
    public static async Task<List<PaperListItem>> ListAllAsync(this HttpClient client, string uri, Func<Task>? betweenPages = null)
    {
        var items = new List<PaperListItem>();
        for (string? next = uri; next is not null;)
        {
            (var page, next) = await client.ListAsync(next);
            items.AddRange(page);
            if (betweenPages is not null) await betweenPages();
        }
        return items;
    }

    /// <summary>The target of the response's <c>Link: &lt;…&gt;; rel="next"</c>, or null when it has none.</summary>
    public static string? NextOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        var match = NextLink().Match(Assert.Single(values));
        Assert.True(match.Success, $"Not a next link: {string.Join(", ", values)}");
        return match.Groups["target"].Value;
    }

    [GeneratedRegex("""^<(?<target>[^>]+)>; rel="next"$""")]
    private static partial Regex NextLink();
}

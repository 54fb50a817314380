using System.Net;
using System.Net.Http.Json;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.Submissions.Tests.Support;

/// <summary><c>GET /api/papers</c> as a client pages it: a page of items and the next page's reference, if any.</summary>
internal static class PaperListClient
{
    public static async Task<(List<PaperListItem> Items, string? Next)> ListAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<List<PaperListItem>>(JsonDefaults.Options))!, NextLink.Of(response));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Submissions.Papers;

namespace PolicyEngage.Submissions.Tests.Support;

/// <summary>The papers API as an author's client calls it, with <c>If-Match</c> sent verbatim when given.</summary>
internal static class PapersClient
{
    /// <summary>Non-ASCII text goes over the wire as raw UTF-8, as a browser would send it, not as \u escapes.</summary>
    private static readonly JsonSerializerOptions Wire = new(JsonDefaults.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object Text(string title, string summary = "Avatars must not leak location.", string body = "Full body of the position.") =>
        new { title, summary, body };

    public static StringContent Json(object value) => Raw(JsonSerializer.Serialize(value, Wire));

    public static StringContent Raw(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static async Task<(PaperResponse Paper, string ETag)> CreateAsync(this HttpClient author, Guid consultationId, string title = "Privacy by default")
    {
        var response = await author.PostAsync("/api/papers", Json(new { consultationId, title, summary = "Avatars must not leak location.", body = "Full body." }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await PaperOf(response), ETagOf(response));
    }

    public static async Task<(PaperResponse Paper, string ETag)> ReadAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/papers/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await PaperOf(response), ETagOf(response));
    }

    public static Task<HttpResponseMessage> EditAsync(this HttpClient author, Guid id, object text, string? ifMatch = null) =>
        author.EditAsync(id.ToString(), Json(text), ifMatch);

    public static Task<HttpResponseMessage> EditAsync(this HttpClient author, string id, HttpContent content, string? ifMatch = null) =>
        author.SendAsync(Request(HttpMethod.Put, $"/api/papers/{id}", content, ifMatch));

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient author, Guid id, string? ifMatch = null) =>
        author.SendAsync(Request(HttpMethod.Post, $"/api/papers/{id}/submit", null, ifMatch));

    public static Task<HttpResponseMessage> WithdrawAsync(this HttpClient author, Guid id, string? ifMatch = null) =>
        author.SendAsync(Request(HttpMethod.Post, $"/api/papers/{id}/withdraw", null, ifMatch));

    public static async Task<PaperResponse> PaperOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<PaperResponse>(JsonDefaults.Options))!;

    public static string ETagOf(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak, "The paper's ETag guards writes, so it must be strong.");
        return etag.Tag;
    }

    private static HttpRequestMessage Request(HttpMethod method, string uri, HttpContent? content, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}

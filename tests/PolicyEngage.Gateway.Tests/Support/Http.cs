using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace PolicyEngage.Gateway.Tests.Support;

public static class Http
{
    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>Asserts the stand-in service answered, and returns what it saw.</summary>
    public static async Task<Echo> AssertProxiedAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<Echo>() ?? throw new InvalidOperationException("No echo.");
    }
}

using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyEngage.Testing;

/// <summary>A caller of the gateway: asks /dev/token for a token per role, then speaks JSON.</summary>
public sealed class ApiClient(Uri gateway)
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<Caller> SignInAsync(string subject, string role, string? org = null, Guid? regulator = null, string? email = null)
    {
        var response = await _http.PostAsJsonAsync("/dev/token", new { subject, role, org, regulator = regulator?.ToString(), email });
        var body = await Response.ReadAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"/dev/token for {role}: {(int)response.StatusCode} {body}");
        return new Caller(_http, body!["accessToken"]!.GetValue<string>());
    }

    public Caller Anonymous() => new(_http, null);
}

public sealed class Caller(HttpClient http, string? token)
{
    public string? Token => token;

    public Task<Response> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Response> PostAsync(string path, object? body = null, string? ifMatch = null) => SendAsync(HttpMethod.Post, path, body, ifMatch);

    public Task<Response> PutAsync(string path, object body, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, body, ifMatch);

    public async Task<Response> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        using var response = await http.SendAsync(request);
        return new Response(method, path, response.StatusCode, response.Headers.ETag?.ToString(), await Response.ReadAsync(response))
        {
            Link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null,
        };
    }

    /// <summary>Polls until the answer satisfies <paramref name="until"/>: the system is eventually consistent across services.</summary>
    public async Task<Response> EventuallyAsync(Func<Task<Response>> request, Func<Response, bool> until, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await request();
            if (until(response)) return response;
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Timed out waiting for {what}; last answer: {response}");
            await Task.Delay(150);
        }
    }
}

public sealed record Response(HttpMethod Method, string Path, HttpStatusCode Status, string? ETag, JsonNode? Body)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"{this} has no body.");

    /// <summary>The <c>Link</c> header, when the answer had one (a list's next page).</summary>
    public string? Link { get; init; }

    public Response Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"{Method} {Path}: expected {(int)status}, got {(int)Status}: {Body?.ToJsonString()}");
        return this;
    }

    public override string ToString() => $"{Method} {Path} → {(int)Status} {Body?.ToJsonString()}";

    internal static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using PolicyEngage.Portal.Accounts;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.Portal.Gateway;

/// <summary>
/// The portal's one way to the system: the public API through the gateway, with the signed-in user's token, so that
/// every page sees exactly what that user may see and nothing more. The token stays on the server.
/// </summary>
public sealed partial class GatewayClient(HttpClient http, IHttpContextAccessor context)
{
    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, ifMatch: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, ifMatch, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, ifMatch, cancellationToken);

    /// <summary>An answer with no body worth reading (202, 204).</summary>
    public async Task<ApiProblem?> SendAsync(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(method, path, body, ifMatch: null, accept: null, cancellationToken);
        return response.IsSuccessStatusCode ? null : ApiProblem.Read(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>One page of a list route; <c>NextAfter</c> comes from the answer's <c>Link: rel="next"</c>.</summary>
    public async Task<ApiResult<ListPage<T>>> GetPageAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, body: null, ifMatch: null, accept: null, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return ApiResult<ListPage<T>>.Refused(ApiProblem.Read(response.StatusCode, text));
        var items = JsonSerializer.Deserialize<List<T>>(text, Json) ?? [];
        string? next = null;
        if (response.Headers.TryGetValues("Link", out var links) && NextAfter().Match(string.Join(",", links)) is { Success: true } match)
            next = Uri.UnescapeDataString(match.Groups["after"].Value);
        return ApiResult<ListPage<T>>.Success(new ListPage<T>(items, next));
    }

    /// <summary>
    /// A rendering or a download (PDF, HTML, NDJSON, CSV, a checkpoint note), passed on as the API gave it. The caller
    /// disposes the answer.
    /// </summary>
    public Task<HttpResponseMessage> GetRawAsync(string path, string accept, CancellationToken cancellationToken = default) =>
        SendRawAsync(HttpMethod.Get, path, body: null, ifMatch: null, accept, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, ifMatch, accept: null, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return ApiResult<T>.Refused(ApiProblem.Read(response.StatusCode, text));
        var value = JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException($"{method} {path} answered an empty body.");
        return ApiResult<T>.Success(value, response.Headers.ETag?.ToString());
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, string? ifMatch, string? accept,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        var token = await AccessTokenAsync();
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        request.Headers.Accept.ParseAdd(accept ?? "application/json");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            response.Dispose();
            throw new SessionExpiredException();
        }
        return response;
    }

    private async Task<string?> AccessTokenAsync()
    {
        var httpContext = context.HttpContext;
        if (httpContext?.User.Identity?.IsAuthenticated != true) return null;
        return await httpContext.GetTokenAsync(PortalSignIn.CookieScheme, PortalSignIn.AccessTokenName);
    }

    [GeneratedRegex("""<[^>]*[?&]after=(?<after>[^&>]+)[^>]*>\s*;\s*rel="?next"?""")]
    private static partial Regex NextAfter();
}

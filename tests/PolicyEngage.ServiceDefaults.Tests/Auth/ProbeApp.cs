using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>
/// The smallest real app on ServiceDefaults: the pipeline and bearer validation every service and the gateway get from
/// AddServiceDefaults/UseServiceDefaults, served by Kestrel on a free loopback port. It has one endpoint per role
/// (<c>/probe/{role}</c>) and one for any signed-in caller (<c>/probe/signed-in</c>); each answers the caller's subject.
/// </summary>
internal sealed class ProbeApp : IAsyncDisposable
{
    public const string SignedIn = "/probe/signed-in";

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ProbeApp(WebApplication app, HttpClient client)
    {
        _app = app;
        _client = client;
    }

    public static string EndpointFor(string role) => $"/probe/{role}";

    /// <summary>A builder that sees only the settings given: an Auth__ setting in the machine's environment must not decide a test.</summary>
    public static WebApplicationBuilder CreateBuilder(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        return builder;
    }

    public static async Task<ProbeApp> StartAsync(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = CreateBuilder(environment, settings);
        builder.AddServiceDefaults();

        var app = builder.Build();
        app.UseServiceDefaults();
        foreach (var role in Roles.All)
            app.MapGet(EndpointFor(role), (ClaimsPrincipal user) => user.Subject()).RequireAuthorization(policy => policy.RequireRole(role));
        app.MapGet(SignedIn, (ClaimsPrincipal user) => user.Subject()).RequireAuthorization();

        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ProbeApp(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    /// <summary>The control: the endpoint answers 200 with the token's subject.</summary>
    public async Task AssertAdmittedAsync(string path, string token, string? subject)
    {
        using var response = await GetAsync(path, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(subject, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A presented token that bearer validation refused: 401, an RFC 7807 body, and the challenge naming the token invalid.</summary>
    public async Task AssertTokenRefusedAsync(string path, string token)
    {
        using var response = await GetAsync(path, token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>What a stand-in service saw of a proxied request.</summary>
public sealed record Echo(string Service, string Method, string PathAndQuery, long BodyBytes, bool HadAuthorization);

/// <summary>
/// Five tiny Kestrel apps in place of the services and the portal. Each reads the whole body, answers with what it saw, and keeps
/// Kestrel's own <c>Server</c> header so that the gateway's stripping of it is observable.
/// </summary>
public sealed class StandInServices : IAsyncLifetime
{
    /// <summary>The four services' clusters, each with its OpenAPI document.</summary>
    public static readonly IReadOnlyList<string> Services = ["submissions", "reviews", "regulatorliaison", "audit"];

    /// <summary>Every cluster of the gateway: the services' and the portal's.</summary>
    public static readonly IReadOnlyList<string> Clusters = [.. Services, "portal"];

    private readonly List<WebApplication> _apps = [];
    private readonly Dictionary<string, string> _addresses = [];

    public async Task InitializeAsync()
    {
        foreach (var cluster in Clusters)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(context => AnswerAsync(cluster, context));
            await app.StartAsync();
            _apps.Add(app);
            _addresses[cluster] = app.Urls.Single();
        }
    }

    public string AddressOf(string cluster) => _addresses[cluster];

    /// <summary>Gateway settings that point every cluster at its stand-in.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ClusterSettings() =>
        _addresses.Select(address => KeyValuePair.Create($"ReverseProxy:Clusters:{address.Key}:Destinations:primary:Address", (string?)address.Value));

    /// <summary>Reads the whole body and answers with what was seen.</summary>
    public static async Task AnswerAsync(string cluster, HttpContext context)
    {
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) bytes += read;

        var request = context.Request;
        await context.Response.WriteAsJsonAsync(new Echo(
            cluster, request.Method, $"{request.Path}{request.QueryString}", bytes, request.Headers.Authorization.Count > 0));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
    }
}

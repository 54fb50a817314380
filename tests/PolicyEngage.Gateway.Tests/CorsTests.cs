using System.Net;
using PolicyEngage.Gateway.Tests.Support;

namespace PolicyEngage.Gateway.Tests;

/// <summary>A gateway that grants one front-end origin.</summary>
public sealed class OneOriginGateway : IDisposable
{
    public const string Origin = "https://console.policyengage.example";

    public GatewayFactory Gateway { get; } = GatewayFactory.Start("Development",
        [KeyValuePair.Create("Cors:AllowedOrigins:0", (string?)Origin)]);

    public void Dispose() => Gateway.Dispose();
}

public sealed class CorsTests(OneOriginGateway gateway) : IClassFixture<OneOriginGateway>
{
    private readonly HttpClient _client = gateway.Gateway.CreateClient();

    [Fact]
    public async Task The_configured_origin_may_call_with_a_bearer_token()
    {
        var response = await _client.SendAsync(Preflight(OneOriginGateway.Origin));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([OneOriginGateway.Origin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant());
    }

    [Fact]
    public async Task Any_other_origin_is_not_granted()
    {
        var response = await _client.SendAsync(Preflight("https://elsewhere.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/consultations");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        return preflight;
    }
}

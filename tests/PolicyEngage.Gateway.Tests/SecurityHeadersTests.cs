using System.Net;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SecurityHeadersTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_gateways_own_answers_carry_the_headers_and_no_server()
    {
        var response = await fixture.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Error_answers_carry_the_headers_and_no_server()
    {
        var response = await fixture.Client.GetAsync("/api/papers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Proxied_answers_lose_the_services_server_header_and_carry_the_headers_once()
    {
        using var direct = new HttpClient();
        var fromService = await direct.GetAsync($"{fixture.Services.AddressOf("audit")}/api/audit/verify");
        Assert.NotEmpty(fromService.Headers.Server);

        var response = await fixture.Client.SendAsync(HttpMethod.Get, "/api/audit/verify", Tokens.For(Roles.Auditor));

        Assert.Equal("audit", (await response.AssertProxiedAsync()).Service);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Cross_origin_callers_get_no_cors_grant_when_no_origin_is_configured()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/consultations");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await fixture.Client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task No_hsts_outside_production()
    {
        var response = await fixture.Client.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }
}

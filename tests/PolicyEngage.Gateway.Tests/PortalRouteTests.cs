using System.Net;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>The portal takes every path the API does not, and nothing under the gateway's own prefixes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PortalRouteTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/consultations/0197a3c2-0000-7000-8000-000000000001?after=x")]
    [InlineData("POST", "/signin")]
    [InlineData("GET", "/css/portal.css")]
    [InlineData("GET", "/apis-are-not-api")]
    public async Task A_path_outside_the_api_goes_to_the_portal_without_a_token(string method, string path)
    {
        var echo = await (await fixture.Client.SendAsync(new HttpMethod(method), path)).AssertProxiedAsync();

        Assert.Equal(("portal", method, path), (echo.Service, echo.Method, echo.PathAndQuery));
    }

    [Theory]
    [InlineData("/api/papers/0197a3c2-0000-7000-8000-000000000001/drafts")]
    [InlineData("/api")]
    [InlineData("/openapi/unknown.json")]
    [InlineData("/health/unknown")]
    [InlineData("/dev/anything")]
    public async Task A_path_under_the_gateway_s_own_prefixes_that_no_route_names_is_the_gateway_s_404(string path)
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, path, Tokens.For(Roles.Auditor));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_portal_answers_only_what_a_browser_sends()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Delete, "/consultations");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

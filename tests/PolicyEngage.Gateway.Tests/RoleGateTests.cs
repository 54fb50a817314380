using System.Net;
using System.Net.Http.Json;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoleGateTests(GatewayFixture fixture)
{
    [Theory]
    [MemberData(nameof(SpecRoutes.Routes), MemberType = typeof(SpecRoutes))]
    public async Task An_anonymous_caller_gets_a_401_problem_on_every_api_route(string method, string path)
    {
        var response = await fixture.Client.SendAsync(new HttpMethod(method), path, content: BodyFor(method));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(SpecRoutes.Refused), MemberType = typeof(SpecRoutes))]
    public async Task A_role_the_spec_does_not_list_gets_a_403_problem_from_the_gateway(string method, string path, string role)
    {
        var response = await fixture.Client.SendAsync(new HttpMethod(method), path, Tokens.For(role), BodyFor(method));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(SpecRoutes.Admitted), MemberType = typeof(SpecRoutes))]
    public async Task A_role_the_spec_lists_reaches_the_service_that_owns_the_route(string method, string path, string cluster, string role)
    {
        var response = await fixture.Client.SendAsync(new HttpMethod(method), path, Tokens.For(role), BodyFor(method));

        var echo = await response.AssertProxiedAsync();
        Assert.Equal(cluster, echo.Service);
        Assert.Equal(method, echo.Method);
        Assert.Equal(path, echo.PathAndQuery);
        Assert.True(echo.HadAuthorization, "The services re-check the token, so it must be forwarded.");
    }

    [Fact]
    public async Task A_path_the_spec_does_not_name_is_not_proxied()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, "/api/papers/0197a3c2-0000-7000-8000-000000000001/drafts", Tokens.For(Roles.PolicyAuthor));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_the_spec_does_not_name_is_not_proxied()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Delete, "/api/papers/0197a3c2-0000-7000-8000-000000000001", Tokens.For(Roles.PolicyAuthor));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    private static HttpContent? BodyFor(string method) => method is "POST" or "PUT" ? JsonContent.Create(new { }) : null;
}

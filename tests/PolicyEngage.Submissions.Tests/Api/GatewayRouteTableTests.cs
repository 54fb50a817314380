using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>The gateway's gate and the service's own name the same policy for every route, so the two cannot drift.</summary>
public sealed class GatewayRouteTableTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Fact]
    public void Every_endpoint_has_a_gateway_route_naming_the_same_policy_and_every_route_an_endpoint()
    {
        var gateway = GatewayRouteTable.ApiRoutesOf("submissions");
        var endpoints = GatewayRouteTable.ApiEndpointsOf(app.Services);

        Assert.NotEmpty(endpoints);
        Assert.Equal(gateway, endpoints);
    }
}

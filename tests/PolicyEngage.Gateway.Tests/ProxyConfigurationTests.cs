using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Gateway.Tests.Support;
using Yarp.ReverseProxy;

namespace PolicyEngage.Gateway.Tests;

/// <summary>Guards on appsettings.json as a whole, so that a route or cluster added later keeps the gateway's rules.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProxyConfigurationTests(GatewayFixture fixture)
{
    private readonly IProxyStateLookup _proxy = fixture.Gateway.Services.GetRequiredService<IProxyStateLookup>();

    [Fact]
    public void Every_cluster_gives_up_on_a_silent_service_after_30_seconds()
    {
        var clusters = _proxy.GetClusters().ToList();

        Assert.Equal(StandInServices.Clusters.Order(), clusters.Select(cluster => cluster.ClusterId).Order());
        Assert.All(clusters, cluster => Assert.Equal(TimeSpan.FromSeconds(30), cluster.Model.Config.HttpRequest?.ActivityTimeout));
    }

    [Fact]
    public void Every_route_names_a_policy_and_only_the_openapi_documents_are_anonymous()
    {
        Assert.All(_proxy.GetRoutes(), route =>
        {
            var config = route.Config;
            Assert.False(string.IsNullOrWhiteSpace(config.AuthorizationPolicy), $"Route {config.RouteId} has no authorization policy.");
            if (string.Equals(config.AuthorizationPolicy, "anonymous", StringComparison.OrdinalIgnoreCase))
                Assert.StartsWith("/openapi/", config.Match.Path);
            else
                Assert.StartsWith("/api/", config.Match.Path);
        });
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Gateway.Resilience;
using PolicyEngage.Gateway.Tests.Support;
using Yarp.ReverseProxy;

namespace PolicyEngage.Gateway.Tests;

/// <summary>Guards on appsettings.json as a whole, so that a route or cluster added later keeps the gateway's rules.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProxyConfigurationTests(GatewayFixture fixture)
{
    private readonly IProxyStateLookup _proxy = fixture.Gateway.Services.GetRequiredService<IProxyStateLookup>();

    /// <summary>A route's own attempt timeout is of no use if its cluster drops the silent connection sooner.</summary>
    [Fact]
    public void Every_cluster_gives_up_on_a_silent_service_after_30_seconds_or_its_longest_route_timeout()
    {
        var clusters = _proxy.GetClusters().ToList();
        var longestRouteTimeouts = _proxy.GetRoutes()
            .Where(route => route.Config.Metadata?.ContainsKey(RouteAttemptTimeout.MetadataKey) == true)
            .GroupBy(route => route.Config.ClusterId!)
            .ToDictionary(
                routes => routes.Key,
                routes => routes.Max(route => TimeSpan.Parse(route.Config.Metadata![RouteAttemptTimeout.MetadataKey], CultureInfo.InvariantCulture)));

        Assert.Equal(StandInServices.Clusters.Order(), clusters.Select(cluster => cluster.ClusterId).Order());
        Assert.Equal(["audit"], longestRouteTimeouts.Keys);
        Assert.All(clusters, cluster => Assert.Equal(
            longestRouteTimeouts.GetValueOrDefault(cluster.ClusterId, TimeSpan.FromSeconds(30)),
            cluster.Model.Config.HttpRequest?.ActivityTimeout));
    }

    [Fact]
    public void Every_route_names_a_policy_and_only_the_openapi_documents_and_the_portal_are_anonymous()
    {
        Assert.All(_proxy.GetRoutes(), route =>
        {
            var config = route.Config;
            Assert.False(string.IsNullOrWhiteSpace(config.AuthorizationPolicy), $"Route {config.RouteId} has no authorization policy.");
            // The portal signs its people in itself and calls the API, through these same gates, with their tokens.
            if (config.RouteId == "portal")
                Assert.Equal(("anonymous", "/{**path}"), (config.AuthorizationPolicy, config.Match.Path));
            else if (string.Equals(config.AuthorizationPolicy, "anonymous", StringComparison.OrdinalIgnoreCase))
                Assert.StartsWith("/openapi/", config.Match.Path);
            else
                Assert.StartsWith("/api/", config.Match.Path);
        });
    }
}

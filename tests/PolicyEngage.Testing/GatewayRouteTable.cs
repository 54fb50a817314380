using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>One route gate: a method and path, and the named authorization policy in front of it.</summary>
public sealed record RouteGate(string Method, string Path, string Policy)
{
    public override string ToString() => $"{Method} {Path} → {Policy}";
}

/// <summary>
/// The gateway's route table as configured (gateway/PolicyEngage.Gateway/appsettings.json), and a service's own
/// endpoints as mapped, each reduced to its gates, so a test can hold the two side by side.
/// </summary>
public static class GatewayRouteTable
{
    /// <summary>The /api routes the gateway sends to <paramref name="cluster"/>, with the policy each names.</summary>
    public static IReadOnlyList<RouteGate> ApiRoutesOf(string cluster)
    {
        var settings = Path.Combine(RepositoryRoot.Path, "gateway", "PolicyEngage.Gateway", "appsettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        var gates = new List<RouteGate>();
        foreach (var route in json.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject())
        {
            if (route.Value.GetProperty("ClusterId").GetString() != cluster) continue;
            var match = route.Value.GetProperty("Match");
            var path = match.GetProperty("Path").GetString()!;
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var policy = route.Value.GetProperty("AuthorizationPolicy").GetString()!;
            gates.AddRange(match.GetProperty("Methods").EnumerateArray().Select(method => new RouteGate(method.GetString()!, path, policy)));
        }
        return Sorted(gates);
    }

    /// <summary>
    /// The service's /api endpoints with the policies their metadata names; an endpoint naming no policy, or
    /// several, shows as such and so fails any comparison with the gateway's single named policy.
    /// </summary>
    public static IReadOnlyList<RouteGate> ApiEndpointsOf(IServiceProvider services)
    {
        var gates = new List<RouteGate>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy ?? "(no policy)").Distinct().ToList();
            var policy = policies.Count == 0 ? "(none)" : string.Join(" + ", policies);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["(any method)"];
            gates.AddRange(methods.Select(method => new RouteGate(method, path, policy)));
        }
        return Sorted(gates);
    }

    private static List<RouteGate> Sorted(IEnumerable<RouteGate> gates) =>
        gates.OrderBy(gate => gate.Path, StringComparer.Ordinal).ThenBy(gate => gate.Method, StringComparer.Ordinal).ToList();
}

/// <summary>
/// The gateway's gate and the service's own name the same policy for every route, so the two cannot drift. Each
/// service's test project derives this once, with its app and its cluster's name in the gateway's configuration.
/// </summary>
public abstract class EndpointsMatchGatewayRoutes(string cluster, Func<IServiceProvider> services)
{
    [Fact]
    public void Every_endpoint_has_a_gateway_route_naming_the_same_policy_and_every_route_an_endpoint()
    {
        var gateway = GatewayRouteTable.ApiRoutesOf(cluster);
        var endpoints = GatewayRouteTable.ApiEndpointsOf(services());

        Assert.NotEmpty(endpoints);
        Assert.Equal(gateway, endpoints);
    }
}

using System.Net;
using System.Net.Http.Json;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>
/// A gateway outside Development that verifies with a public key and holds no private one, its Audit destination on a
/// closed port so that an admitted request ends in the gateway's own 503 and never reaches a service on this machine.
/// </summary>
public abstract class GatewayOutsideDevelopment(string environment) : IDisposable
{
    public GatewayFactory Gateway { get; } = GatewayFactory.Start(environment,
        [KeyValuePair.Create("ReverseProxy:Clusters:audit:Destinations:primary:Address", (string?)"http://127.0.0.1:1")]);

    public void Dispose() => Gateway.Dispose();
}

public sealed class ProductionGateway() : GatewayOutsideDevelopment("Production");

public sealed class StagingGateway() : GatewayOutsideDevelopment("Staging");

public sealed class ProductionTests(ProductionGateway production) : OutsideDevelopmentTests(production), IClassFixture<ProductionGateway>;

public sealed class StagingTests(StagingGateway staging) : OutsideDevelopmentTests(staging), IClassFixture<StagingGateway>;

/// <summary>Development only means Development: what holds in Production holds in every other environment.</summary>
public abstract class OutsideDevelopmentTests(GatewayOutsideDevelopment gateway)
{
    private readonly HttpClient _client = gateway.Gateway.CreateClient();

    [Fact]
    public async Task The_gateway_is_up_and_healthy()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dev_token_does_not_exist()
    {
        var response = await _client.PostAsJsonAsync("/dev/token", new { subject = "mallory", role = Roles.Auditor });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_former_shared_development_secret_is_401_where_its_ES256_twin_is_admitted()
    {
        var admitted = await _client.SendAsync(HttpMethod.Get, "/api/audit/verify", Tokens.For(Roles.Auditor));
        var refused = await _client.SendAsync(HttpMethod.Get, "/api/audit/verify", Tokens.For(Roles.Auditor, signedWith: FormerSharedSecret.Credentials));

        await ProblemAssert.IsProblemAsync(admitted, HttpStatusCode.ServiceUnavailable);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized);
    }
}

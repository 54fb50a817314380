using System.Net;
using System.Net.Http.Json;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>A gateway outside Development with a secret of its own (every such environment refuses the development key).</summary>
public abstract class GatewayOutsideDevelopment(string environment) : IDisposable
{
    public GatewayFactory Gateway { get; } = GatewayFactory.Start(environment,
        [KeyValuePair.Create("Auth:SigningKey", (string?)"a-production-secret-that-only-this-test-knows-0123456789")]);

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
    public async Task A_token_signed_with_the_development_key_is_401()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/audit/verify", Tokens.For(Roles.Auditor));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}

using System.Net;
using System.Net.Http.Json;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>A Production gateway with a secret of its own (Production refuses the development key).</summary>
public sealed class ProductionGateway : IDisposable
{
    public GatewayFactory Gateway { get; } = GatewayFactory.Start("Production",
        [KeyValuePair.Create("Auth:SigningKey", (string?)"a-production-secret-that-only-this-test-knows-0123456789")]);

    public void Dispose() => Gateway.Dispose();
}

public sealed class ProductionTests(ProductionGateway production) : IClassFixture<ProductionGateway>
{
    private readonly HttpClient _client = production.Gateway.CreateClient();

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

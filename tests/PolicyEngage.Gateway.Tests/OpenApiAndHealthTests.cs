using System.Net;
using System.Text.Json;
using PolicyEngage.Gateway.Tests.Support;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class OpenApiAndHealthTests(GatewayFixture fixture)
{
    public static TheoryData<string> Clusters() => [.. StandInServices.Services];

    [Theory]
    [MemberData(nameof(Clusters))]
    public async Task Each_services_openapi_document_is_served_anonymously(string cluster)
    {
        var response = await fixture.Client.GetAsync($"/openapi/{cluster}.json");

        var echo = await response.AssertProxiedAsync();
        Assert.Equal(cluster, echo.Service);
        Assert.Equal("/openapi/v1.json", echo.PathAndQuery);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_gateway_answers_its_own_health(string path)
    {
        var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // Readiness reports each check (JSON); liveness only the status.
        Assert.Equal("Healthy", path == "/health/ready" ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() : body);
    }
}

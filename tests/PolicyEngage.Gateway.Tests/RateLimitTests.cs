using System.Net;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>A gateway whose buckets hold two requests and refill one per second.</summary>
public sealed class TinyRateLimitGateway : IDisposable
{
    public GatewayFactory Gateway { get; } = GatewayFactory.Start("Development",
    [
        KeyValuePair.Create("RateLimiting:PermitsPerSecond", (string?)"1"),
        KeyValuePair.Create("RateLimiting:Burst", (string?)"2"),
    ]);

    public void Dispose() => Gateway.Dispose();
}

public sealed class RateLimitTests(TinyRateLimitGateway tiny) : IClassFixture<TinyRateLimitGateway>
{
    private const int Attempts = 10;
    private readonly HttpClient _client = tiny.Gateway.CreateClient();

    [Fact]
    public async Task A_signed_in_subject_over_its_limit_gets_429_with_retry_after_while_another_subject_does_not()
    {
        var statuses = await BurstAsync(Tokens.For(Roles.Auditor, subject: "hasty"));

        Assert.All(statuses.Take(2), status => Assert.Equal(HttpStatusCode.OK, status.StatusCode));
        var refused = statuses.FirstOrDefault(status => status.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);

        var other = await _client.SendAsync(HttpMethod.Get, "/health/live", Tokens.For(Roles.Auditor, subject: "patient"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address()
    {
        var statuses = await BurstAsync(token: null);

        Assert.Contains(statuses, status => status.StatusCode == HttpStatusCode.TooManyRequests && status.Headers.Contains("Retry-After"));
    }

    /// <summary>Requests back to back until the first refusal; one refill a second cannot keep up with that.</summary>
    private async Task<List<HttpResponseMessage>> BurstAsync(string? token)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < Attempts && responses.LastOrDefault()?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            responses.Add(await _client.SendAsync(HttpMethod.Get, "/health/live", token));
        return responses;
    }
}

using System.Net;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class TokenValidationTests(GatewayFixture fixture)
{
    private const string AuditorRoute = "/api/audit/verify";

    [Fact]
    public async Task A_token_that_expired_minutes_ago_is_401()
    {
        var expired = Tokens.For(Roles.Auditor, expires: DateTime.UtcNow.AddMinutes(-5));

        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, expired);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_ES256_token_signed_with_another_key_is_401()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, Tokens.For(Roles.Auditor, signedWith: TestSigningKey.AnotherKey()));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_former_shared_development_secret_is_401()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, Tokens.For(Roles.Auditor, signedWith: FormerSharedSecret.Credentials));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, Tokens.Unsigned(Roles.Auditor));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_a_subject_is_401()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, TestTokens.Issue(Roles.Auditor, subject: null));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_token_correctly_signed_and_current_is_admitted()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Get, AuditorRoute, Tokens.For(Roles.Auditor));

        Assert.Equal("audit", (await response.AssertProxiedAsync()).Service);
    }
}

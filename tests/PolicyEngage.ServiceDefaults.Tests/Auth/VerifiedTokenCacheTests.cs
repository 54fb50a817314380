using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>
/// The cache may only ever answer for a token that validated, and only until the lifetime check would refuse it. To see
/// a hit, the verifying key is swapped for one that refuses the token: only a remembered verification still passes.
/// </summary>
public sealed class VerifiedTokenCacheTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private static TokenValidationParameters Trusting(SecurityKey key) => new()
    {
        ValidIssuer = new JwtOptions().Issuer,
        ValidAudience = new JwtOptions().Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ClockSkew = Skew,
    };

    [Fact]
    public async Task A_verified_token_is_remembered_until_its_expiry_and_skew_and_then_checked_again()
    {
        var clock = TestClock.StartingNow();
        var cache = new VerifiedTokenCache(clock) { MapInboundClaims = false };
        var expires = DateTime.UtcNow.AddMinutes(10);
        var token = TestTokens.Issue("Auditor", subject: "ada", expires: expires);
        var distrusting = Trusting(TestSigningKey.AnotherKey().Key);

        Assert.True((await cache.ValidateTokenAsync(token, Trusting(TestSigningKey.PublicKey))).IsValid);
        var remembered = await cache.ValidateTokenAsync(token, distrusting);
        Assert.True(remembered.IsValid);
        Assert.Equal("ada", remembered.ClaimsIdentity.FindFirst(PolicyEngageClaims.Subject)?.Value);

        clock.SetUtcNow(new DateTimeOffset(expires) + Skew - TimeSpan.FromSeconds(1));
        Assert.True((await cache.ValidateTokenAsync(token, distrusting)).IsValid);
        clock.SetUtcNow(new DateTimeOffset(expires) + Skew + TimeSpan.FromSeconds(1));
        Assert.False((await cache.ValidateTokenAsync(token, distrusting)).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered_and_each_hit_gets_an_identity_of_its_own()
    {
        var cache = new VerifiedTokenCache(TestClock.StartingNow()) { MapInboundClaims = false };
        var forged = TestTokens.Issue("Auditor", signedWith: TestSigningKey.AnotherKey());
        var trusting = Trusting(TestSigningKey.PublicKey);
        Assert.False((await cache.ValidateTokenAsync(forged, trusting)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, trusting)).IsValid);

        var token = TestTokens.Issue("Auditor");
        var first = await cache.ValidateTokenAsync(token, trusting);
        var second = await cache.ValidateTokenAsync(token, trusting);
        // A claim added to one request's identity must not reach the next request's.
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("added", "by one request"));
        Assert.Null(second.ClaimsIdentity.FindFirst("added"));
        Assert.Null((await cache.ValidateTokenAsync(token, trusting)).ClaimsIdentity.FindFirst("added"));
    }
}

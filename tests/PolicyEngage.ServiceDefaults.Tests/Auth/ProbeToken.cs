using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>
/// Every part of a token the tests mint by hand, defaulting to a good token signed with this run's key, so that a bad token is its
/// control with exactly one part changed (<c>control with { Issuer = "..." }</c>).
/// </summary>
internal sealed record ProbeToken
{
    public static readonly Guid RegulatorId = Guid.Parse("0197b0aa-1c2d-7e3f-8a4b-5c6d7e8f9a0b");

    // SPEC: issuer policyengage-local and audience policyengage for local runs.
    public string Issuer { get; init; } = "policyengage-local";
    public string Audience { get; init; } = "policyengage";
    public string? Subject { get; init; } = "probe-user";
    public IReadOnlyList<string> RoleClaims { get; init; } = [];
    public string? Organisation { get; init; }
    public string? Regulator { get; init; }
    public DateTime? Expires { get; init; } = DateTime.UtcNow.AddMinutes(10);
    public SigningCredentials SignedWith { get; init; } = TestSigningKey.Credentials;

    /// <summary>A good token for the role, carrying the scope claim the role needs.</summary>
    public static ProbeToken For(string role) => new()
    {
        RoleClaims = [role],
        Organisation = Roles.ScopeClaimOf(role) == PolicyEngageClaims.Organisation ? "acme" : null,
        Regulator = Roles.ScopeClaimOf(role) == PolicyEngageClaims.Regulator ? RegulatorId.ToString() : null,
    };

    public string Signed()
    {
        var claims = new Dictionary<string, object>();
        if (Subject is not null) claims[PolicyEngageClaims.Subject] = Subject;
        if (RoleClaims.Count == 1) claims[PolicyEngageClaims.Role] = RoleClaims[0];
        if (RoleClaims.Count > 1) claims[PolicyEngageClaims.Role] = RoleClaims.ToArray();
        if (Organisation is not null) claims[PolicyEngageClaims.Organisation] = Organisation;
        if (Regulator is not null) claims[PolicyEngageClaims.Regulator] = Regulator;

        var validFrom = (Expires ?? DateTime.UtcNow) - TimeSpan.FromMinutes(20);
        // Without this the handler would add an expiry of its own to a token meant to have none.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = validFrom,
            NotBefore = validFrom,
            Expires = Expires,
            SigningCredentials = SignedWith,
        });
    }

    /// <summary>The same header-and-claims token, but declaring <c>alg: none</c> and carrying no signature.</summary>
    public string Unsigned()
    {
        var payload = Signed().Split('.')[1];
        return $"{Base64UrlEncoder.Encode("""{"alg":"none"}""")}.{payload}.";
    }
}

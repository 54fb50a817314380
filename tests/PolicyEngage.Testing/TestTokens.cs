using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Testing;

/// <summary>
/// Bearer tokens shaped as the gateway's /dev/token issues them, signed with this run's <see cref="TestSigningKey"/>
/// unless told otherwise; a null subject leaves the <c>sub</c> claim out, as no issuer of ours would.
/// </summary>
public static class TestTokens
{
    public static string Issue(
        string role,
        string? subject = "tester",
        string? organisation = null,
        Guid? regulator = null,
        DateTime? expires = null,
        SigningCredentials? signedWith = null,
        string? email = null)
    {
        var claims = new Dictionary<string, object> { [PolicyEngageClaims.Role] = role };
        if (subject is not null) claims[PolicyEngageClaims.Subject] = subject;
        if (organisation is not null) claims[PolicyEngageClaims.Organisation] = organisation;
        if (regulator is { } id) claims[PolicyEngageClaims.Regulator] = id.ToString();
        if (email is not null) claims[PolicyEngageClaims.Email] = email;

        var options = new JwtOptions();
        var expiresAt = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = expiresAt.AddMinutes(-20),
            NotBefore = expiresAt.AddMinutes(-20),
            Expires = expiresAt,
            SigningCredentials = signedWith ?? TestSigningKey.Credentials,
        });
    }
}

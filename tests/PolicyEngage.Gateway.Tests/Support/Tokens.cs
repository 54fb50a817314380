using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>Tokens minted by the tests themselves, good or deliberately bad.</summary>
public static class Tokens
{
    public const string Issuer = "policyengage-local";
    public const string Audience = "policyengage";
    public static readonly Guid RegulatorId = Guid.Parse("0197a3c2-5d4e-7b8f-9a10-112233445566");

    public static string For(string role, string subject = "tester", DateTime? expires = null, SigningCredentials? signedWith = null) =>
        TestTokens.Issue(
            role,
            subject,
            organisation: Roles.ScopeClaimOf(role) == PolicyEngageClaims.Organisation ? "acme" : null,
            regulator: role == Roles.Regulator ? RegulatorId : null,
            expires,
            signedWith);

    /// <summary>A token that claims everything right but carries <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string role)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(ClaimsOf(role, "tester"))
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(JsonSerializer.Serialize(payload))}.";
    }

    private static Dictionary<string, object> ClaimsOf(string role, string subject)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role };
        if (Roles.ScopeClaimOf(role) == PolicyEngageClaims.Organisation) claims["org"] = "acme";
        if (role == Roles.Regulator) claims["regulator"] = RegulatorId.ToString();
        return claims;
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}

using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>Bearer tokens as the gateway's development endpoint issues them.</summary>
public static class Tokens
{
    public static string For(string role, string subject, Guid? regulator = null, string? organisation = null)
    {
        var claims = new Dictionary<string, object>
        {
            [PolicyEngageClaims.Subject] = subject,
            [PolicyEngageClaims.Role] = role,
        };
        if (regulator is { } id) claims[PolicyEngageClaims.Regulator] = id.ToString();
        if (organisation is not null) claims[PolicyEngageClaims.Organisation] = organisation;

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DevelopmentSigningKey.Value));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "policyengage-local",
            Audience = "policyengage",
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

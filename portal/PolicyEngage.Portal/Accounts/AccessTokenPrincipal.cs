using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Accounts;

/// <summary>
/// Who the portal shows as signed in is read from the API token itself, so the menu never offers what the API would
/// refuse. The portal does not judge the token: the gateway and the services validate it on every call.
/// </summary>
public static class AccessTokenPrincipal
{
    private static readonly string[] Kept =
        [PolicyEngageClaims.Subject, PolicyEngageClaims.Role, PolicyEngageClaims.Organisation, PolicyEngageClaims.Regulator, PortalClaims.Email, PortalClaims.Name];

    public static ClaimsPrincipal From(string accessToken, string authenticationType)
    {
        var token = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var claims = token.Claims.Where(claim => Kept.Contains(claim.Type)).Select(claim => new Claim(claim.Type, claim.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PolicyEngageClaims.Subject, PolicyEngageClaims.Role));
    }

    public static DateTimeOffset ExpiryOf(string accessToken) => new JsonWebTokenHandler().ReadJsonWebToken(accessToken).ValidTo;

    /// <summary>After an OpenID Connect sign-in: the session speaks for whom the access token speaks.</summary>
    public static Task ReplaceWithAccessToken(TokenValidatedContext context)
    {
        var accessToken = context.TokenEndpointResponse?.AccessToken;
        if (string.IsNullOrEmpty(accessToken))
        {
            context.Fail("The identity provider gave no access token.");
            return Task.CompletedTask;
        }
        context.Principal = From(accessToken, PortalSignIn.OpenIdScheme);
        context.Properties!.ExpiresUtc = ExpiryOf(accessToken);
        context.Properties.IsPersistent = false;
        return Task.CompletedTask;
    }
}

public static class PortalClaims
{
    public const string Email = "email";
    public const string Name = "name";
}

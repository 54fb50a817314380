using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Gateway.DevTokens;

/// <summary>
/// <c>POST /dev/token</c>: a token signed (ES256) with the development private key, so that a newcomer can try the API
/// with curl. Mapped only in Development with <c>Auth:SigningKeyPath</c> set; the services accept its tokens because
/// they verify with the public half.
/// </summary>
public static class DevTokenApi
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/token", Issue)
            .AllowAnonymous()
            .Validate<DevTokenRequest>();
        return app;
    }

    private static Ok<DevTokenResponse> Issue(DevTokenRequest request, JwtOptions options, DevTokenSigner signer, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [PolicyEngageClaims.Subject] = request.Subject!,
            [PolicyEngageClaims.Role] = request.Role!,
        };
        switch (Roles.ScopeClaimOf(request.Role!))
        {
            case PolicyEngageClaims.Organisation:
                claims[PolicyEngageClaims.Organisation] = request.Org!;
                break;
            case PolicyEngageClaims.Regulator:
                claims[PolicyEngageClaims.Regulator] = request.RegulatorId!.Value.ToString();
                break;
        }

        if (request.Email is { } email) claims[PolicyEngageClaims.Email] = email;

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.DevelopmentTokenLifetime,
            SigningCredentials = signer.Credentials,
        });
        return TypedResults.Ok(new DevTokenResponse(token));
    }
}

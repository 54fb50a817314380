using System.Security.Claims;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>Who is calling, read from a validated token.</summary>
public static class Caller
{
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue(PolicyEngageClaims.Subject) ?? throw new InvalidOperationException("A validated token always has a subject.");

    public static string? Organisation(this ClaimsPrincipal user) => user.FindFirstValue(PolicyEngageClaims.Organisation);

    /// <summary>
    /// The token's <c>email</c> claim when it is one plain address a mail can go to (the issuer vouches for it, as for the
    /// subject); null when the token has none, or one no mail could be sent to.
    /// </summary>
    public static string? Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(PolicyEngageClaims.Email) is { } email && EmailAddresses.IsPlain(email) ? email : null;

    public static Guid? RegulatorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PolicyEngageClaims.Regulator), out var id) ? id : null;
}

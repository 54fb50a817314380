using System.Security.Claims;

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>Who is calling, read from a validated token.</summary>
public static class Caller
{
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue(PolicyEngageClaims.Subject) ?? throw new InvalidOperationException("A validated token always has a subject.");

    public static string? Organisation(this ClaimsPrincipal user) => user.FindFirstValue(PolicyEngageClaims.Organisation);

    public static Guid? RegulatorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PolicyEngageClaims.Regulator), out var id) ? id : null;
}

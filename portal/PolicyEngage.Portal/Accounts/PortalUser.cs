using System.Security.Claims;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Accounts;

/// <summary>The signed-in user as pages ask about them.</summary>
public static class PortalUser
{
    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(PolicyEngageClaims.Role);

    public static bool Is(this ClaimsPrincipal user, string role) => user.Identity?.IsAuthenticated == true && user.IsInRole(role);

    /// <summary>Where each role starts: its main page.</summary>
    public static string HomePage(this ClaimsPrincipal user) => user.Role() switch
    {
        Roles.Reviewer => "/reviews",
        Roles.Regulator => "/inbox",
        _ => "/consultations",
    };
}

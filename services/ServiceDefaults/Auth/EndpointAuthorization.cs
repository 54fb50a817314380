using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.ServiceDefaults.Auth;

public static class EndpointAuthorization
{
    /// <summary>
    /// Admits only callers the named <see cref="Policies">policy</see> admits, and documents what the gate answers
    /// otherwise: 401 without a valid token, 403 for a role the policy does not admit (the gateway answers both alike),
    /// and the gateway's per-caller rate limit, 429.
    /// </summary>
    public static TBuilder RequirePolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
}

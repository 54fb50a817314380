using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Gateway.Authorization;

/// <summary>
/// Lets a YARP route in configuration name its role gate: <c>"roles:LiaisonOfficer,Auditor"</c> means a signed-in caller
/// with one of those roles. An unknown role yields no policy, so YARP refuses the configuration at start instead of
/// silently locking a route. Every other name ("default": any signed-in caller) is the framework's.
/// </summary>
public sealed class RoleListPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "roles:";

    private readonly ConcurrentDictionary<string, AuthorizationPolicy?> _policies = new(StringComparer.Ordinal);

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        policyName.StartsWith(Prefix, StringComparison.Ordinal)
            ? Task.FromResult(_policies.GetOrAdd(policyName, RoleListPolicyOf))
            : base.GetPolicyAsync(policyName);

    private static AuthorizationPolicy? RoleListPolicyOf(string policyName)
    {
        var roles = policyName[Prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (roles.Length == 0 || roles.Any(role => !Roles.All.Contains(role))) return null;
        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(roles).Build();
    }
}

public static class RoleListPolicies
{
    public static WebApplicationBuilder AddRoleListPolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, RoleListPolicyProvider>();
        return builder;
    }
}

using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace PolicyEngage.ServiceDefaults.Auth;

public static class JwtAuthentication
{
    /// <summary>One bearer scheme for the gateway and every service: issuer, audience, lifetime and key always validated.</summary>
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PolicyEngageClaims.Subject,
                    RoleClaimType = PolicyEngageClaims.Role,
                };
                if (options.Authority is { Length: > 0 } authority)
                {
                    bearer.Authority = authority;
                }
                else
                {
                    bearer.TokenValidationParameters.IssuerSigningKey = SigningKeyOf(options);
                    bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RequireScopeClaim };
            });
        builder.Services.AddAuthorization(Policies.AddTo);
        return builder;
    }

    public static SymmetricSecurityKey SigningKeyOf(JwtOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not set.")));

    private static JwtOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (options.Authority is { Length: > 0 }) return options;

        // Outside Development nothing runs on development defaults: Staging or Testing is as public as Production.
        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.SigningKey) || options.SigningKey == DevelopmentSigningKey.Value)
                throw new InvalidOperationException(
                    $"Refusing to start in {environment.EnvironmentName} without a signing key of its own: set Auth:Authority (an identity provider) " +
                    "or Auth:SigningKey (a secret of at least 32 bytes, not the development key).");
        }
        else
        {
            options.SigningKey ??= DevelopmentSigningKey.Value;
        }
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes for HS256.");
        return options;
    }

    /// <summary>
    /// A token without a subject, or whose role needs a scope (org, regulator) but lacks it, proves nothing about who
    /// calls or for which tenant: 401.
    /// </summary>
    private static Task RequireScopeClaim(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        // Every change and event names its actor by the subject: a token that names no one admits no one.
        if (string.IsNullOrWhiteSpace(principal.FindFirst(PolicyEngageClaims.Subject)?.Value))
        {
            context.Fail("The token has no subject.");
            return Task.CompletedTask;
        }
        var roles = principal.FindAll(PolicyEngageClaims.Role).Select(c => c.Value).ToList();
        if (roles.Count == 0)
        {
            context.Fail("The token has no role.");
            return Task.CompletedTask;
        }
        foreach (var role in roles)
        {
            var scope = Roles.ScopeClaimOf(role);
            if (scope is not null && string.IsNullOrWhiteSpace(principal.FindFirst(scope)?.Value))
            {
                context.Fail($"A {role} token must carry the '{scope}' claim.");
                return Task.CompletedTask;
            }
        }
        if (roles.Contains(Roles.Regulator) && principal.RegulatorId() is null)
            context.Fail("The 'regulator' claim must be a regulator id.");
        return Task.CompletedTask;
    }
}

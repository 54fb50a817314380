using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace PolicyEngage.ServiceDefaults.Auth;

public static class JwtAuthentication
{
    public const string PublicKeyPathSetting = $"{JwtOptions.Section}:{nameof(JwtOptions.PublicKeyPath)}";
    public const string SigningKeyPathSetting = $"{JwtOptions.Section}:{nameof(JwtOptions.SigningKeyPath)}";
    public const string AuthoritySetting = $"{JwtOptions.Section}:{nameof(JwtOptions.Authority)}";
    public const string RequireHttpsMetadataSetting = $"{JwtOptions.Section}:{nameof(JwtOptions.RequireHttpsMetadata)}";

    /// <summary>One bearer scheme for the gateway and every service: issuer, audience, lifetime and key always validated.</summary>
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration, builder.Environment);
        // Read now, not when the first request configures the scheme: an unusable key stops the start-up.
        var publicKey = options.Authority is not null ? null : EcdsaPemFile.ReadPublicKey(PublicKeyPathSetting, options.PublicKeyPath!);
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
                if (publicKey is null)
                {
                    bearer.Authority = options.Authority;
                    bearer.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    // Identity providers sign with one or the other; both are asymmetric, so only the provider can sign.
                    bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];
                }
                else
                {
                    bearer.TokenValidationParameters.IssuerSigningKey = publicKey;
                    bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256];
                }
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RequireScopeClaim };
            });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((bearer, clock) =>
        {
            bearer.TokenHandlers.Clear();
            bearer.TokenHandlers.Add(new VerifiedTokenCache(clock) { MapInboundClaims = false });
        });
        builder.Services.AddAuthorization(Policies.AddTo);
        return builder;
    }

    private static JwtOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        // Compose passes an unset authority as an empty string.
        if (string.IsNullOrWhiteSpace(options.Authority)) options.Authority = null;
        var environmentName = environment.EnvironmentName;

        // Outside Development nothing runs on development defaults: Staging or Testing is as public as Production, and
        // only the development issuer (/dev/token, Development only) may hold a private key.
        if (!environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.SigningKeyPath))
            throw new InvalidOperationException(
                $"Refusing to start in {environmentName} with {SigningKeyPathSetting} set: only /dev/token signs with a key of its own, and it exists " +
                $"only in Development. Remove the private key; tokens come from the identity provider ({AuthoritySetting}) or from the issuer " +
                $"whose public key is {PublicKeyPathSetting}.");
        if (options.Authority is not null)
        {
            RefuseInsecureMetadata(options, environment);
            return options;
        }

        // Every environment, Development too: there is no default key to fall back on.
        if (string.IsNullOrWhiteSpace(options.PublicKeyPath))
            throw new InvalidOperationException(
                $"Refusing to start in {environmentName} without a key to verify tokens: set {PublicKeyPathSetting} (a PEM public key, ECDSA P-256, " +
                $"for ES256) or {AuthoritySetting} (an OpenID Connect identity provider). ./run.sh creates the development key pair in its data folder.");
        return options;
    }

    /// <summary>
    /// The one rule for the services, the gateway and the portal: keys over plain HTTP only in Development or from a
    /// loopback authority, whose traffic never leaves this machine.
    /// </summary>
    public static void RefuseInsecureMetadata(JwtOptions options, IHostEnvironment environment)
    {
        if (options.RequireHttpsMetadata || environment.IsDevelopment()) return;
        if (Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback) return;
        throw new InvalidOperationException(
            $"Refusing to start in {environment.EnvironmentName} with {RequireHttpsMetadataSetting} false for {AuthoritySetting} " +
            $"'{options.Authority}': keys fetched over plain HTTP from another machine can be replaced on the way, and with them every " +
            "token. Serve the identity provider over HTTPS (only a loopback authority may do without).");
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

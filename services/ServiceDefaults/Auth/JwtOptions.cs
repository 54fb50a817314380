namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "policyengage-local";
    public string Audience { get; set; } = "policyengage";

    /// <summary>A PEM public key (ECDSA P-256) that verifies ES256 tokens; ignored when <see cref="Authority"/> is set.</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>
    /// A PEM private key (ECDSA P-256) with which the gateway's <c>/dev/token</c> signs, in Development only: every other
    /// environment refuses to start with it set, on every process.
    /// </summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>An OpenID Connect authority (a real identity provider) for production; its JWKS verifies the tokens.</summary>
    public string? Authority { get; set; }

    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}

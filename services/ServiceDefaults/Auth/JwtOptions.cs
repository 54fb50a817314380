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

    /// <summary>
    /// Whether the authority's discovery document and keys must come over HTTPS. Over plain HTTP anyone on the path could
    /// hand out keys of their own and so sign any token; only Development, or an authority on this machine's loopback
    /// (no network to be on the path of), may turn it off.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "policyengage-local";
    public string Audience { get; set; } = "policyengage";

    /// <summary>HMAC key for locally issued tokens; ignored when <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority (a real identity provider) for production.</summary>
    public string? Authority { get; set; }

    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}

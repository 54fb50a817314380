namespace PolicyEngage.Portal;

/// <summary>Configuration section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where the portal reaches the public API: the gateway, never a service directly.</summary>
    public string GatewayUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The portal's client at the identity provider (OpenID Connect, outside Development).</summary>
    public string ClientId { get; set; } = "policyengage-portal";

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for beside <c>openid</c>, <c>profile</c> and <c>email</c>, e.g. the API's.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Where the data-protection keys that seal the session cookie are kept, so a restart signs no one out.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>
    /// Whether to believe X-Forwarded-* from any address, not only loopback: set where the gateway is another host and
    /// nothing but the gateway can reach the portal (the compose file). Links and sign-in redirects name the gateway's
    /// address from them.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }
}

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>
/// The well-known key for local runs and tests. It is public, so a Production process refuses it.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string Value = "policyengage-local-development-signing-key-not-a-secret";
}

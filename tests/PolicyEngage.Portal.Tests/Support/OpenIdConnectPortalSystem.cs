using PolicyEngage.Portal.Tests.Support.IdentityProvider;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// The whole system trusting a real OpenID Connect provider instead of the development issuer: no /dev/token, every
/// process given <c>Auth:Authority</c>. The portal runs in Production, as it would for people; the services and the
/// gateway stay in Development, whose other settings (broker password, failpoints, ledger key) this kit relies on.
/// </summary>
public sealed class OpenIdConnectPortalSystem : PortalSystem
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        await base.InitializeAsync();
        try
        {
            // The portal's address is the gateway's, known once the system runs; the portal asks the provider only later.
            await Provider.RegisterPortalAsync(PortalAddress);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    protected override IReadOnlyDictionary<string, string>? AuthoritySettings => Provider.TrustSettings;

    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program) => program != "Portal"
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Outside Development the static files are read from the web root, as a published portal has it beside itself.
            ["ASPNETCORE_WEBROOT"] = Path.Combine(RepositoryRoot.Path, "portal", "PolicyEngage.Portal", "wwwroot"),
            ["Portal__ClientId"] = TestIdentityProvider.PortalClientId,
            ["Portal__ClientSecret"] = TestIdentityProvider.PortalClientSecret,
            ["Portal__Scopes__0"] = TestIdentityProvider.ApiScope,
        };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

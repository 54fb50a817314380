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
        // Off xunit's synchronization context (as many threads as cores): the provider answers other processes, and
        // its work must not wait for a test thread to come free.
        Provider = await Task.Run(TestIdentityProvider.StartAsync);
        await base.InitializeAsync();
        try
        {
            // The portal's address is the gateway's, known once the system runs; the portal asks the provider only later.
            await Task.Run(() => Provider.RegisterPortalAsync(PortalAddress));
            await PortalSendsToProviderAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Ready when an anonymous visit is sent to the provider: the portal has then read its discovery document, which the
    /// first test's visit would otherwise wait for.
    /// </summary>
    private async Task PortalSendsToProviderAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await http.GetAsync($"{PortalAddress}/signin");
            if (answer.Headers.Location?.ToString().StartsWith(Provider.Address, StringComparison.Ordinal) == true) return;
            // The gateway's 503 while the portal still waits for the provider's first answer: ask again.
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
                throw new InvalidOperationException($"The portal does not send visitors to the provider: {(int)answer.StatusCode} {answer.Headers.Location}.\n{Logs()}");
            await Task.Delay(500);
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
        // Each process's log, kept beside the screenshots: a sign-in that failed says why only there.
        foreach (var (process, text) in FullLogs()) await File.WriteAllTextAsync(Artefacts.File($"oidc-{process}.log"), text);
        await base.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using PolicyEngage.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) in the test process, on a free port of 127.0.0.2: another site than the
/// portal's 127.0.0.1, as a real provider is, so the browser treats its redirects as cross-site. It serves discovery
/// and JWKS, a sign-in page, authorization code with PKCE, and access tokens that are signed (not encrypted) JWTs with
/// the PolicyEngage claims, for the audience <c>policyengage</c>; its keys are made anew each run. Its warnings and
/// errors are kept in the test artefacts (<c>identity-provider.log</c>).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ApiScope = "policyengage";
    public const string ApiAudience = "policyengage";
    public const string PortalClientId = "policyengage-portal";
    public const string PortalClientSecret = "portal-secret-for-tests";
    private const string SetUpClientId = "test-set-up";
    private const string SetUpClientSecret = "set-up-secret-for-tests";

    private readonly WebApplication _app;
    private readonly TempDirectory _folder;
    private readonly FileLoggerProvider _log;

    private TestIdentityProvider(WebApplication app, TempDirectory folder, FileLoggerProvider log)
    {
        _app = app;
        _folder = folder;
        _log = log;
    }

    /// <summary>The issuer, as its tokens name it and as the portal, the gateway and the services are told: <c>http://127.0.0.2:port/</c>.</summary>
    public string Address => _app.Urls.Single().TrimEnd('/') + "/";

    public static async Task<TestIdentityProvider> StartAsync()
    {
        // The provider is Kestrel inside the test process, beside Playwright and the tests' waits: with the thread pool's
        // default minimum (one thread per core) its requests queued for minutes behind them before a thread came free.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
        // A file of its own, not a shared in-memory database: shared-cache SQLite refuses concurrent requests outright
        // (table locked) where a file waits its turn, and the portal, the gateway and the services all ask at once.
        var folder = new TempDirectory();
        var database = $"Data Source={folder.File("provider.db")}";

        var log = new FileLoggerProvider(Artefacts.File("identity-provider.log"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.2:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(log);
        builder.Services.AddDbContext<ProviderDatabase>(options => options.UseSqlite(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDatabase>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ProviderEndpoints.AuthorizePath)
                    .SetTokenEndpointUris(ProviderEndpoints.TokenPath)
                    .SetEndSessionEndpointUris(ProviderEndpoints.EndSessionPath);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowPasswordFlow();
                server.RegisterScopes(Scopes.Profile, Scopes.Email, ApiScope);
                server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                // The services read the access token: a JWS they verify with the JWKS, not a JWE only the provider opens.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });

        var app = builder.Build();
        app.UseAuthentication();
        ProviderEndpoints.Map(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDatabase>().Database.EnsureCreatedAsync();
            await RegisterSetUpClientAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>());
        }
        await app.StartAsync();
        return new TestIdentityProvider(app, folder, log);
    }

    /// <summary>What the portal, the gateway and the services are configured with to trust this provider.</summary>
    public IReadOnlyDictionary<string, string> TrustSettings => new Dictionary<string, string>
    {
        [JwtAuthentication.AuthoritySetting] = Address,
        [$"{JwtOptions.Section}:{nameof(JwtOptions.Issuer)}"] = Address,
        // Plain HTTP, allowed for a loopback authority only.
        [JwtAuthentication.RequireHttpsMetadataSetting] = "false",
    };

    /// <summary>
    /// Registers the portal as a confidential client once its address (the gateway's) is known: code flow with PKCE,
    /// back to <c>/signin-oidc</c>, and after signing out to <c>/signout-callback-oidc</c>.
    /// </summary>
    public async Task RegisterPortalAsync(string portalAddress)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientSecret = PortalClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "PolicyEngage portal",
            RedirectUris = { new Uri($"{portalAddress}/signin-oidc") },
            PostLogoutRedirectUris = { new Uri($"{portalAddress}/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Prefixes.Scope + ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>An access token for someone, for setting up data through the API (the password grant of the tests' own client).</summary>
    public async Task<string> AccessTokenForAsync(TestPerson person)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(new Uri(Address), ProviderEndpoints.TokenPath), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.Password,
            ["username"] = person.UserName,
            ["password"] = "unused",
            ["client_id"] = SetUpClientId,
            ["client_secret"] = SetUpClientSecret,
            ["scope"] = ApiScope,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"The test provider gave no token for {person.UserName}: {body}");
        return body!["access_token"]!.GetValue<string>();
    }

    private static Task RegisterSetUpClientAsync(IOpenIddictApplicationManager applications) =>
        applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = SetUpClientId,
            ClientSecret = SetUpClientSecret,
            ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.Prefixes.Scope + ApiScope },
        }).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        _log.Dispose();
    }
}

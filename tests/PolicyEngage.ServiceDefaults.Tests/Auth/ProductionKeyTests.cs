using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>What a Production process accepts as its signing setup, decided while AddServiceDefaults runs.</summary>
public sealed class ProductionKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(DevelopmentSigningKey.Value)]
    public void Production_refuses_to_start_without_a_signing_key_of_its_own(string? signingKey)
    {
        var builder = ProductionBuilder(("Auth:SigningKey", signingKey));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains("Refusing to start in Production", refusal.Message);
    }

    [Theory]
    [InlineData("Staging", null)]
    [InlineData("Staging", DevelopmentSigningKey.Value)]
    [InlineData("Testing", DevelopmentSigningKey.Value)]
    public void Every_environment_but_Development_refuses_the_development_defaults_too(string environment, string? signingKey)
    {
        var builder = ProbeApp.CreateBuilder(environment, signingKey is null ? [] : new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey });

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains($"Refusing to start in {environment} without a signing key of its own", refusal.Message);
    }

    [Theory]
    [InlineData("a-production-secret-of-32-bytes!")]
    [InlineData("éééééééééééééééé")] // 16 characters, 32 bytes of UTF-8: the bound counts bytes
    public async Task Production_starts_with_a_key_of_its_own_of_at_least_32_bytes(string signingKey)
    {
        Assert.Equal(32, Encoding.UTF8.GetByteCount(signingKey));
        var builder = ProductionBuilder(("Auth:SigningKey", signingKey));

        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var key = Assert.IsType<SymmetricSecurityKey>(BearerOptionsOf(app).TokenValidationParameters.IssuerSigningKey);
        Assert.Equal(Encoding.UTF8.GetBytes(signingKey), key.Key);
    }

    [Theory]
    [InlineData("a-production-secret-of-31-bytes")]
    [InlineData("ééééééééééééééé")] // 15 characters, 30 bytes
    public void Production_refuses_a_key_shorter_than_32_bytes(string signingKey)
    {
        Assert.True(Encoding.UTF8.GetByteCount(signingKey) < 32);
        var builder = ProductionBuilder(("Auth:SigningKey", signingKey));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains("at least 32 bytes", refusal.Message);
    }

    [Fact]
    public async Task Production_with_an_identity_provider_starts_without_a_key_and_trusts_that_provider()
    {
        const string authority = "https://login.example.org/policyengage";
        var builder = ProductionBuilder(("Auth:Authority", authority));

        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var bearer = BearerOptionsOf(app);
        Assert.Equal(authority, bearer.Authority);
        Assert.Null(bearer.TokenValidationParameters.IssuerSigningKey);
    }

    private static WebApplicationBuilder ProductionBuilder(params (string Key, string? Value)[] settings) =>
        ProbeApp.CreateBuilder(Environments.Production, settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value));

    private static JwtBearerOptions BearerOptionsOf(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
}

/// <summary>A Production probe with a 64-byte key of its own: long enough that HS384 and HS512 could be computed with it.</summary>
public sealed class ProductionProbe : IAsyncLifetime
{
    public const string OwnKey = "a-production-secret-of-64-bytes-only-this-test-fixture-knows-it!";
    public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes(OwnKey));

    internal ProbeApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await ProbeApp.StartAsync(Environments.Production, new Dictionary<string, string?> { ["Auth:SigningKey"] = OwnKey });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ProductionTokenTests(ProductionProbe probe) : IClassFixture<ProductionProbe>
{
    private static readonly string AuditorOnly = ProbeApp.EndpointFor(Roles.Auditor);
    private readonly ProbeApp _app = probe.App;

    [Fact]
    public async Task Tokens_signed_with_its_own_key_are_admitted_and_development_tokens_are_401()
    {
        Assert.Equal(64, ProductionProbe.SigningKey.Key.Length);

        await _app.AssertAdmittedAsync(AuditorOnly, TestTokens.Issue(Roles.Auditor, "auditor", key: ProductionProbe.SigningKey), "auditor");
        await _app.AssertTokenRefusedAsync(AuditorOnly, TestTokens.Issue(Roles.Auditor, "auditor"));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task Only_HS256_is_accepted_even_with_the_right_key(string algorithm)
    {
        var control = ProbeToken.For(Roles.Auditor) with { Key = ProductionProbe.SigningKey };

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { Algorithm = algorithm }).Signed());
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>What a process accepts as its token keys, decided while AddServiceDefaults runs, before it serves anything.</summary>
public sealed class TokenKeyConfigurationTests
{
    private const string PublicKeyPath = JwtAuthentication.PublicKeyPathSetting;
    private const string SigningKeyPath = JwtAuthentication.SigningKeyPathSetting;

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Development", "   ")]
    [InlineData("Staging", null)]
    [InlineData("Production", null)]
    [InlineData("Production", "")]
    public void Every_environment_refuses_to_start_without_a_public_key_or_an_authority(string environment, string? publicKeyPath)
    {
        var builder = BuilderIn(environment, (PublicKeyPath, publicKeyPath));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains($"Refusing to start in {environment} without a key to verify tokens", refusal.Message);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task With_a_public_key_a_process_starts_and_verifies_only_ES256_with_that_key_holding_no_private_half(string environment)
    {
        var builder = BuilderIn(environment, (PublicKeyPath, TestSigningKey.PublicKeyPath));

        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var parameters = BearerOptionsOf(app).TokenValidationParameters;
        Assert.Equal([SecurityAlgorithms.EcdsaSha256], parameters.ValidAlgorithms);
        var key = Assert.IsType<ECDsaSecurityKey>(parameters.IssuerSigningKey);
        Assert.Equal(TestSigningKey.PublicKey.ECDsa.ExportSubjectPublicKeyInfo(), key.ECDsa.ExportSubjectPublicKeyInfo());
        Assert.ThrowsAny<CryptographicException>(() => key.ECDsa.ExportParameters(includePrivateParameters: true));
    }

    [Theory]
    [InlineData("missing", "Could not find file")]
    [InlineData("not PEM", "it holds no PEM block labelled PUBLIC KEY")]
    [InlineData("the private key", "it holds no PEM block labelled PUBLIC KEY")]
    [InlineData("an RSA key", "it holds no ECDSA key")]
    [InlineData("a P-384 key", "its key is not on the P-256 curve")]
    public void A_public_key_file_without_a_usable_P256_public_key_refuses_start_naming_the_setting_and_file(string content, string reason)
    {
        using var folder = new TempDirectory();
        var path = folder.File("public.pem");
        if (content != "missing") File.WriteAllText(path, Pem(content));
        var builder = BuilderIn(Environments.Development, (PublicKeyPath, path));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.StartsWith($"Refusing to start: Auth:PublicKeyPath '{path}' is not a usable key: ", refusal.Message);
        Assert.Contains(reason, refusal.Message);
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Production", "https://login.example.org/policyengage")]
    [InlineData("Staging", null)]
    [InlineData("Testing", null)]
    public void Outside_Development_a_private_signing_key_is_refused_on_any_process(string environment, string? authority)
    {
        var builder = BuilderIn(environment,
            (PublicKeyPath, TestSigningKey.PublicKeyPath), (SigningKeyPath, TestSigningKey.PrivateKeyPath), (JwtAuthentication.AuthoritySetting, authority));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains($"Refusing to start in {environment} with Auth:SigningKeyPath set", refusal.Message);
    }

    [Fact]
    public void Development_starts_with_the_two_keys_the_gateway_is_given()
    {
        var builder = BuilderIn(Environments.Development, (PublicKeyPath, TestSigningKey.PublicKeyPath), (SigningKeyPath, TestSigningKey.PrivateKeyPath));

        builder.AddServiceDefaults();
    }

    [Fact]
    public async Task With_an_identity_provider_a_process_starts_without_a_key_and_accepts_only_its_asymmetric_algorithms()
    {
        const string authority = "https://login.example.org/policyengage";
        var builder = BuilderIn(Environments.Production, (JwtAuthentication.AuthoritySetting, authority));

        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var bearer = BearerOptionsOf(app);
        Assert.Equal(authority, bearer.Authority);
        Assert.Null(bearer.TokenValidationParameters.IssuerSigningKey);
        Assert.Equal([SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256], bearer.TokenValidationParameters.ValidAlgorithms);
    }

    [Theory]
    [InlineData("Production", "http://login.example.org/")]
    [InlineData("Staging", "http://10.0.0.7:8080/")]
    public void Outside_Development_keys_over_plain_http_from_another_machine_are_refused(string environment, string authority)
    {
        var builder = BuilderIn(environment, (JwtAuthentication.AuthoritySetting, authority), (JwtAuthentication.RequireHttpsMetadataSetting, "false"));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains($"Refusing to start in {environment} with Auth:RequireHttpsMetadata false", refusal.Message);
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.2:5000/", false)]
    [InlineData("Production", "http://localhost:5000/", false)]
    [InlineData("Development", "http://identity:8080/", false)]
    [InlineData("Production", "https://login.example.org/", true)]
    public async Task Keys_over_plain_http_are_allowed_from_loopback_or_in_Development_and_https_is_the_default(string environment, string authority, bool requireHttps)
    {
        var builder = BuilderIn(environment, (JwtAuthentication.AuthoritySetting, authority),
            (JwtAuthentication.RequireHttpsMetadataSetting, requireHttps ? null : "false"));

        builder.AddServiceDefaults();
        await using var app = builder.Build();

        Assert.Equal(requireHttps, BearerOptionsOf(app).RequireHttpsMetadata);
    }

    private static string Pem(string content) => content switch
    {
        "not PEM" => "policyengage-local-signing-key",
        "the private key" => File.ReadAllText(TestSigningKey.PrivateKeyPath),
        "an RSA key" => RSA.Create(2048).ExportSubjectPublicKeyInfoPem(),
        "a P-384 key" => ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportSubjectPublicKeyInfoPem(),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, null),
    };

    private static WebApplicationBuilder BuilderIn(string environment, params (string Key, string? Value)[] settings) =>
        ProbeApp.CreateBuilder(environment, settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value));

    private static JwtBearerOptions BearerOptionsOf(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
}

/// <summary>A Production probe that verifies with the public key of this run's pair, as an operator's would with their issuer's.</summary>
public sealed class ProductionProbe : IAsyncLifetime
{
    internal ProbeApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await ProbeApp.StartAsync(Environments.Production, TestSigningKey.VerifierSettings.ToDictionary(s => s.Key, s => (string?)s.Value));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ProductionTokenTests(ProductionProbe probe) : IClassFixture<ProductionProbe>
{
    private static readonly string AuditorOnly = ProbeApp.EndpointFor(Roles.Auditor);
    private readonly ProbeApp _app = probe.App;

    [Fact]
    public async Task Tokens_signed_with_the_configured_key_are_admitted_and_HS256_or_another_key_or_none_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { SignedWith = FormerSharedSecret.Credentials }).Signed());
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { SignedWith = TestSigningKey.AnotherKey() }).Signed());
        await _app.AssertTokenRefusedAsync(AuditorOnly, control.Unsigned());
    }
}

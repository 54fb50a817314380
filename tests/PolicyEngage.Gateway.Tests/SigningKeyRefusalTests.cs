using System.Security.Cryptography;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

/// <summary>
/// When the gateway will not start with a private key: only /dev/token signs, only in Development, and only with the
/// pair of the key everyone verifies with. Each refusal has a control that starts.
/// </summary>
public sealed class SigningKeyRefusalTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_the_gateway_refuses_to_start_with_a_signing_key_configured(string environment)
    {
        var refusal = Assert.ThrowsAny<Exception>(() => GatewayFactory.Start(environment, [SigningKey(TestSigningKey.PrivateKeyPath)]));

        Assert.Contains($"Refusing to start in {environment} with Auth:SigningKeyPath set", refusal.ToString());
    }

    [Fact]
    public void In_Development_the_gateway_refuses_a_signing_key_that_is_not_the_pair_of_its_public_key()
    {
        using var folder = new TempDirectory();
        var otherPublicKey = folder.File("other.pub.pem");
        File.WriteAllText(otherPublicKey, ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem());
        using var control = GatewayFactory.Start("Development", [SigningKey(TestSigningKey.PrivateKeyPath)]);

        var refusal = Assert.ThrowsAny<Exception>(() => GatewayFactory.Start("Development",
            [SigningKey(TestSigningKey.PrivateKeyPath), KeyValuePair.Create(JwtAuthentication.PublicKeyPathSetting, (string?)otherPublicKey)]));

        Assert.Contains("is not the private half of Auth:PublicKeyPath", refusal.ToString());
    }

    [Fact]
    public void In_Development_the_gateway_refuses_a_signing_key_beside_an_identity_provider()
    {
        var authority = KeyValuePair.Create(JwtAuthentication.AuthoritySetting, (string?)"https://login.example.org/policyengage");
        using var control = GatewayFactory.Start("Development", [authority, SigningKey(null)]);

        var refusal = Assert.ThrowsAny<Exception>(() => GatewayFactory.Start("Development", [authority, SigningKey(TestSigningKey.PrivateKeyPath)]));

        Assert.Contains("Refusing to start with Auth:SigningKeyPath beside Auth:Authority", refusal.ToString());
    }

    private static KeyValuePair<string, string?> SigningKey(string? path) => KeyValuePair.Create(JwtAuthentication.SigningKeyPathSetting, (string?)path);
}

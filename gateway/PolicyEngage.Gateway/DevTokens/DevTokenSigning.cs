using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Gateway.DevTokens;

public static class DevTokenSigning
{
    /// <summary>
    /// Reads the private half of the development key pair (<c>Auth:SigningKeyPath</c>) when one is configured; only then
    /// does <c>/dev/token</c> exist. AddServiceDefaults has already refused the setting outside Development. The key must
    /// be the pair of the one this gateway verifies with, or every token it issued would be 401 at its own door.
    /// </summary>
    public static WebApplicationBuilder AddDevTokenSigning(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrWhiteSpace(options.SigningKeyPath)) return builder;

        if (!string.IsNullOrWhiteSpace(options.Authority))
            throw new InvalidOperationException(
                $"Refusing to start with {JwtAuthentication.SigningKeyPathSetting} beside {JwtAuthentication.AuthoritySetting}: tokens are verified " +
                "with the identity provider's keys, so none would accept the tokens /dev/token signs.");
        var signingKey = EcdsaPemFile.ReadPrivateKey(JwtAuthentication.SigningKeyPathSetting, options.SigningKeyPath);
        // AddServiceDefaults has required the public key when there is no authority.
        var publicKey = EcdsaPemFile.ReadPublicKey(JwtAuthentication.PublicKeyPathSetting, options.PublicKeyPath!);
        if (!publicKey.ECDsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(signingKey.ECDsa.ExportSubjectPublicKeyInfo()))
            throw new InvalidOperationException(
                $"Refusing to start: {JwtAuthentication.SigningKeyPathSetting} '{options.SigningKeyPath}' is not the private half of " +
                $"{JwtAuthentication.PublicKeyPathSetting} '{options.PublicKeyPath}', so no process would accept the tokens /dev/token signs.");

        builder.Services.AddSingleton(new DevTokenSigner(new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256)));
        return builder;
    }
}

/// <summary>How <c>/dev/token</c> signs: ES256 with the development private key, which only the gateway holds.</summary>
public sealed record DevTokenSigner(SigningCredentials Credentials);

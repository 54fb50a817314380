using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>
/// The two halves of an ES256 key pair (ECDSA over P-256), each read from a PEM file of its own. A file that holds the
/// wrong half, another curve or no key at all stops the process at start-up with the setting and the file named.
/// </summary>
public static class EcdsaPemFile
{
    public static ECDsaSecurityKey ReadPublicKey(string setting, string path) => Read(setting, path, ["PUBLIC KEY"]);

    public static ECDsaSecurityKey ReadPrivateKey(string setting, string path) => Read(setting, path, ["PRIVATE KEY", "EC PRIVATE KEY"]);

    private static ECDsaSecurityKey Read(string setting, string path, string[] labels)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(setting, path, e.Message);
        }
        // The label decides which half is read: a private key where the public one belongs would hand a verifier the power to sign.
        if (!PemEncoding.TryFind(pem, out var fields) || !labels.Contains(pem[fields.Label]))
            throw Unusable(setting, path, $"it holds no PEM block labelled {string.Join(" or ", labels)}");

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem[fields.Location]);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw Unusable(setting, path, $"it holds no ECDSA key ({e.Message})");
        }
        if (key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw Unusable(setting, path, "its key is not on the P-256 curve that ES256 signs with");
        }
        return new ECDsaSecurityKey(key);
    }

    private static InvalidOperationException Unusable(string setting, string path, string reason) =>
        new($"Refusing to start: {setting} '{path}' is not a usable key: {reason}.");
}

using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Testing;

/// <summary>
/// This test run's development key pair (ES256, P-256), made once and written as PEM files to a temp folder, the private
/// half with mode 600, so that in-process apps and real processes read it from files as run.sh's processes read theirs.
/// </summary>
public static class TestSigningKey
{
    private static readonly ECDsa Pair = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly TempDirectory Folder = WriteFiles();

    public static string PublicKeyPath => Folder.File("test-signing-key.pub.pem");
    public static string PrivateKeyPath => Folder.File("test-signing-key.pem");

    /// <summary>How TestTokens signs unless told otherwise, as the gateway's /dev/token does.</summary>
    public static SigningCredentials Credentials { get; } = new(new ECDsaSecurityKey(Pair), SecurityAlgorithms.EcdsaSha256);

    /// <summary>The public half alone, to verify with.</summary>
    public static ECDsaSecurityKey PublicKey { get; } = new(ECDsa.Create(Pair.ExportParameters(includePrivateParameters: false)));

    /// <summary>A key pair nobody trusts: its tokens are well-formed ES256 and still refused.</summary>
    public static SigningCredentials AnotherKey() =>
        new(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), SecurityAlgorithms.EcdsaSha256);

    /// <summary>What a service (or any verifier) is configured with: the public key only.</summary>
    public static IReadOnlyDictionary<string, string> VerifierSettings => new Dictionary<string, string>
    {
        [JwtAuthentication.PublicKeyPathSetting] = PublicKeyPath,
    };

    /// <summary>What the Development gateway is configured with: the public key, and the private one for /dev/token.</summary>
    public static IReadOnlyDictionary<string, string> IssuerSettings => new Dictionary<string, string>
    {
        [JwtAuthentication.PublicKeyPathSetting] = PublicKeyPath,
        [JwtAuthentication.SigningKeyPathSetting] = PrivateKeyPath,
    };

    /// <summary>The same settings as environment variables of a real process (<c>Auth__PublicKeyPath</c>).</summary>
    public static Dictionary<string, string> AsEnvironment(this IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);

    private static TempDirectory WriteFiles()
    {
        var folder = new TempDirectory();
        File.WriteAllText(folder.File("test-signing-key.pub.pem"), Pair.ExportSubjectPublicKeyInfoPem());
        var ownerOnly = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Readable by its owner only, as run.sh writes the development one (Windows has no such mode).
        if (!OperatingSystem.IsWindows()) ownerOnly.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var privateKey = new StreamWriter(folder.File("test-signing-key.pem"), ownerOnly))
            privateKey.Write(Pair.ExportPkcs8PrivateKeyPem());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return folder;
    }
}

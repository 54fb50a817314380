using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>Signs C2SP signed notes with an Ed25519 key (signature type 0x01).</summary>
public sealed class NoteSigner
{
    private const string PrivateKeyPrefix = "PRIVATE+KEY+";

    private readonly Ed25519PrivateKeyParameters _key;
    private readonly byte[] _keyId;

    private NoteSigner(string name, byte[] seed)
    {
        _key = new Ed25519PrivateKeyParameters(seed, 0);
        var publicKey = _key.GeneratePublicKey().GetEncoded();
        _keyId = Ed25519NoteKey.KeyId(name, publicKey);
        Name = name;
        VerifierKey = Ed25519NoteKey.VerifierKey(name, publicKey);
    }

    public string Name { get; }

    /// <summary><c>&lt;name&gt;+&lt;key id hex&gt;+&lt;base64(0x01 ‖ public key)&gt;</c>.</summary>
    public string VerifierKey { get; }

    /// <summary>
    /// Reads <c>PRIVATE+KEY+&lt;name&gt;+&lt;key id hex&gt;+&lt;base64(0x01 ‖ 32-byte seed)&gt;</c>; the key id must be the one
    /// the seed gives, so a key pasted under the wrong name is refused. Messages never quote the key.
    /// </summary>
    public static NoteSigner FromPrivateKey(string privateKey)
    {
        if (!privateKey.StartsWith(PrivateKeyPrefix, StringComparison.Ordinal))
            throw new FormatException("A private note key starts with PRIVATE+KEY+.");
        var parts = privateKey[PrivateKeyPrefix.Length..].Split('+', 3);
        if (parts.Length != 3 || !Ed25519NoteKey.IsValidName(parts[0]))
            throw new FormatException("A private note key is PRIVATE+KEY+<name>+<key id>+<key>.");
        var keyId = Ed25519NoteKey.ParseKeyId(parts[1]);
        var seed = Ed25519NoteKey.ParseKeyMaterial(parts[2]);
        var signer = new NoteSigner(parts[0], seed);
        if (!signer._keyId.AsSpan().SequenceEqual(keyId))
            throw new FormatException("The private note key's id is not the one its key and name give.");
        return signer;
    }

    /// <summary>A new key pair named <paramref name="name"/>, as (private key, verifier key) strings.</summary>
    public static (string PrivateKey, string VerifierKey) Generate(string name)
    {
        if (!Ed25519NoteKey.IsValidName(name)) throw new ArgumentException("A key name is non-empty, without spaces or '+'.", nameof(name));
        var seed = RandomNumberGenerator.GetBytes(Ed25519NoteKey.KeyLength);
        var signer = new NoteSigner(name, seed);
        var privateKey = $"{PrivateKeyPrefix}{name}+{Convert.ToHexStringLower(signer._keyId)}+{Convert.ToBase64String([Ed25519NoteKey.Algorithm, .. seed])}";
        return (privateKey, signer.VerifierKey);
    }

    /// <summary>The signed note: the text, a blank line, and this key's signature line.</summary>
    public string Sign(string text)
    {
        if (!text.EndsWith('\n')) throw new ArgumentException("A note's text ends in a newline.", nameof(text));
        if (text.Any(c => char.IsControl(c) && c != '\n')) throw new ArgumentException("A note holds no control characters but newlines.", nameof(text));

        var message = Encoding.UTF8.GetBytes(text);
        var ed25519 = new Ed25519Signer();
        ed25519.Init(forSigning: true, _key);
        ed25519.BlockUpdate(message, 0, message.Length);
        var signature = ed25519.GenerateSignature();
        return $"{text}\n— {Name} {Convert.ToBase64String([.. _keyId, .. signature])}\n";
    }
}

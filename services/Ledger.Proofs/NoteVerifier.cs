using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>Opens C2SP signed notes that one Ed25519 key (signature type 0x01) has signed.</summary>
public sealed class NoteVerifier
{
    private const string SignatureLinePrefix = "— ";

    /// <summary>C2SP asks verifiers to accept at least 16 signatures and to bound them; this leaves room for witnesses.</summary>
    private const int MaxSignatures = 100;

    private readonly Ed25519PublicKeyParameters _key;
    private readonly byte[] _keyId;

    private NoteVerifier(string name, byte[] keyId, byte[] publicKey)
    {
        Name = name;
        _keyId = keyId;
        _key = PointOf(publicKey);
    }

    public string Name { get; }

    /// <summary>Reads <c>&lt;name&gt;+&lt;key id hex&gt;+&lt;base64(0x01 ‖ public key)&gt;</c>, refusing a key id the key does not give.</summary>
    public static NoteVerifier FromVerifierKey(string verifierKey)
    {
        var parts = verifierKey.Split('+', 3); // base64 may hold '+'; names and ids never do
        if (parts.Length != 3 || !Ed25519NoteKey.IsValidName(parts[0]))
            throw new FormatException("A verifier key is <name>+<key id>+<key>.");
        var keyId = Ed25519NoteKey.ParseKeyId(parts[1]);
        var publicKey = Ed25519NoteKey.ParseKeyMaterial(parts[2]);
        if (!Ed25519NoteKey.KeyId(parts[0], publicKey).AsSpan().SequenceEqual(keyId))
            throw new FormatException("The verifier key's id is not the one its key and name give.");
        return new NoteVerifier(parts[0], keyId, publicKey);
    }

    /// <summary>
    /// True when a signature line of this key verifies and none of this key fails; <paramref name="text"/> is then the
    /// signed text (ending in a newline). Lines of other keys, including ones sharing only the name or only the id, are
    /// ignored, as C2SP signed-note requires.
    /// </summary>
    public bool TryOpen(string note, out string text, out string error)
    {
        text = "";
        if (!TrySplit(note, out var signedText, out var signatureLines, out error)) return false;

        var message = Encoding.UTF8.GetBytes(signedText);
        var verified = false;
        foreach (var line in signatureLines)
        {
            if (!TryParseSignatureLine(line, out var name, out var keyIdAndSignature))
            {
                error = "a signature line is not \"— <name> <base64 signature>\"";
                return false;
            }
            if (name != Name || !keyIdAndSignature.AsSpan(0, Ed25519NoteKey.KeyIdLength).SequenceEqual(_keyId)) continue;
            if (!Verifies(message, keyIdAndSignature[Ed25519NoteKey.KeyIdLength..]))
            {
                error = $"the signature of {Name} does not verify";
                return false;
            }
            verified = true;
        }
        if (!verified)
        {
            error = $"no signature of {Name}+{Convert.ToHexStringLower(_keyId)}";
            return false;
        }
        text = signedText;
        error = "";
        return true;
    }

    /// <summary>The text ends at the last blank line; every line after it is a signature line.</summary>
    private static bool TrySplit(string note, out string text, out string[] signatureLines, out string error)
    {
        text = "";
        signatureLines = [];
        if (note.Any(c => char.IsControl(c) && c != '\n'))
        {
            error = "a note holds no control characters but newlines";
            return false;
        }
        var blankLine = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (blankLine < 0 || !note.EndsWith('\n') || blankLine + 2 == note.Length)
        {
            error = "not a signed note: a text, a blank line and signature lines, each ending in a newline";
            return false;
        }
        signatureLines = note[(blankLine + 2)..^1].Split('\n');
        if (signatureLines.Length > MaxSignatures)
        {
            error = $"more than {MaxSignatures} signatures";
            return false;
        }
        text = note[..(blankLine + 1)];
        error = "";
        return true;
    }

    private static Ed25519PublicKeyParameters PointOf(byte[] publicKey)
    {
        try { return new Ed25519PublicKeyParameters(publicKey, 0); }
        catch (ArgumentException) { throw new FormatException("The verifier key's 32 bytes are no Ed25519 public key."); }
    }

    private static bool TryParseSignatureLine(string line, out string name, out byte[] keyIdAndSignature)
    {
        name = "";
        keyIdAndSignature = [];
        if (!line.StartsWith(SignatureLinePrefix, StringComparison.Ordinal)) return false;
        var parts = line[SignatureLinePrefix.Length..].Split(' ');
        if (parts.Length != 2 || !Ed25519NoteKey.IsValidName(parts[0])) return false;
        var buffer = new byte[parts[1].Length];
        if (!Convert.TryFromBase64String(parts[1], buffer, out var length) || length <= Ed25519NoteKey.KeyIdLength) return false;
        name = parts[0];
        keyIdAndSignature = buffer[..length];
        return true;
    }

    private bool Verifies(byte[] message, byte[] signature)
    {
        if (signature.Length != Ed25519NoteKey.SignatureLength) return false;
        var ed25519 = new Ed25519Signer();
        ed25519.Init(forSigning: false, _key);
        ed25519.BlockUpdate(message, 0, message.Length);
        return ed25519.VerifySignature(signature);
    }
}

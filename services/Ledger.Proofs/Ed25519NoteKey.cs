using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>What C2SP signed-note says of an Ed25519 key's name, id and encodings, shared by signer and verifier.</summary>
internal static class Ed25519NoteKey
{
    /// <summary>The signature type byte of Ed25519 in C2SP signed-note.</summary>
    public const byte Algorithm = 0x01;

    public const int KeyLength = 32;
    public const int SignatureLength = 64;
    public const int KeyIdLength = 4;

    /// <summary>Key names are non-empty and hold no spaces, '+' or control characters, so key strings split on '+'.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+');

    /// <summary>SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].</summary>
    public static byte[] KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        var input = new List<byte>(Encoding.UTF8.GetBytes(name)) { 0x0A, Algorithm };
        input.AddRange(publicKey.ToArray());
        return SHA256.HashData(input.ToArray())[..KeyIdLength];
    }

    public static string VerifierKey(string name, byte[] publicKey) =>
        $"{name}+{Convert.ToHexStringLower(KeyId(name, publicKey))}+{Convert.ToBase64String([Algorithm, .. publicKey])}";

    /// <summary>The key id as written in key strings: exactly 8 lowercase hex digits.</summary>
    public static byte[] ParseKeyId(string hex)
    {
        if (hex.Length != 2 * KeyIdLength || !hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new FormatException("A key id is 8 lowercase hex digits.");
        return Convert.FromHexString(hex);
    }

    /// <summary>base64(0x01 ‖ 32 bytes), strictly: the Ed25519 type byte and exactly one key.</summary>
    public static byte[] ParseKeyMaterial(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var length) || length != 1 + KeyLength || buffer[0] != Algorithm)
            throw new FormatException("Key material is base64 of the Ed25519 type byte 0x01 and a 32-byte key.");
        return buffer[1..length];
    }
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>
/// An endpoint's signing secret as Standard Webhooks serialises it: <c>whsec_</c> and the base64 of the HMAC key. The
/// regulator is shown it once (registration, rotation); we keep it to sign every attempt.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The size of the keys we make.</summary>
    public const int KeyBytes = 32;

    // The specification's bounds for a symmetric key: at least 24 bytes, at most 512 bits.
    private const int MinimumKeyBytes = 24;
    private const int MaximumKeyBytes = 64;

    // Convert's base64 decoder skips whitespace; a secret that carries any is a paste gone wrong, not the one we issued.
    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key: the base64-decoded bytes after <c>whsec_</c>.</summary>
    public static bool TryParse(string? secret, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var encoded = secret.AsSpan(Prefix.Length);
        if (encoded.IsEmpty || encoded.ContainsAnyExcept(Base64Alphabet)) return false;

        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written is < MinimumKeyBytes or > MaximumKeyBytes) return false;
        key = buffer[..written];
        return true;
    }

    public static byte[] Parse(string secret) =>
        TryParse(secret, out var key)
            ? key
            : throw new FormatException($"A webhook secret is {Prefix} followed by the base64 of {MinimumKeyBytes} to {MaximumKeyBytes} bytes.");
}

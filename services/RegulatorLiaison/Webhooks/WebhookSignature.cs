using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>
/// The <c>webhook-signature</c> header of Standard Webhooks' symmetric scheme: for each secret, <c>v1,</c> and the base64
/// HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>, space-separated. Several secrets sign while a rotated
/// one is still trusted, so a receiver holding either verifies without a gap.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        // The full stop delimits the signed content; an id holding one could pass off part of itself as the timestamp.
        if (webhookId.Contains('.')) throw new ArgumentException("A webhook id never contains '.'.", nameof(webhookId));
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        if (secrets.Count == 0) throw new ArgumentException("At least one secret signs a webhook.", nameof(secrets));

        var signedPrefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var entries = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
            entries[i] = "v1," + Convert.ToBase64String(Hmac(WebhookSecret.Parse(secrets[i]), signedPrefix, body));
        return string.Join(' ', entries);
    }

    /// <summary>Over the body's exact bytes, never a re-encoding of them: a single changed byte fails verification.</summary>
    private static byte[] Hmac(byte[] key, byte[] signedPrefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(signedPrefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>
/// One push attempt: a signed <c>POST</c> of the body, fixed at the first attempt, with this attempt's timestamp. Network
/// failures, timeouts and refused addresses come back as the outcome's error; only the caller's cancellation throws.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options)
{
    private const int LongestLocationShown = 300;

    /// <param name="secrets">
    /// Every secret still signing: the newest first, then, within <see cref="WebhookOptions.SecretOverlap"/>, the rotated-out
    /// one. Order matters to receivers on the StandardWebhooks package 1.1.2, which check only the first signature.
    /// </param>
    public async Task<WebhookAttemptOutcome> SendAsync(
        Uri url, string webhookId, ReadOnlyMemory<byte> body, IReadOnlyList<string> secrets, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(webhookId, timestamp, body.Span, secrets));

        var started = clock.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(WebhookClient.Name)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var error = status is >= 300 and <= 399 ? $"Redirects are not followed: {status} to {LocationOf(response)}." : null;
            return new WebhookAttemptOutcome(at, status, error, DurationSince(started), WebhookRetryAfter.Of(response, clock.GetUtcNow()));
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested && ErrorOf(failure) is { } error)
        {
            return new WebhookAttemptOutcome(at, null, error, DurationSince(started), null);
        }
    }

    private string? ErrorOf(Exception failure) => failure switch
    {
        TimeoutRejectedException => $"No answer within {options.Value.Timeout:c} (Webhooks:Timeout).",
        _ when Find<BlockedWebhookAddressException>(failure) is { } blocked => blocked.Message,
        HttpRequestException { HttpRequestError: var kind } => $"{kind}: {failure.Message}",
        OperationCanceledException or IOException => failure.Message,
        _ => null,
    };

    private static T? Find<T>(Exception failure) where T : Exception
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString is { } location
            ? location.Length <= LongestLocationShown ? location : location[..LongestLocationShown] + "..."
            : "no Location";

    private long DurationSince(long started) => (long)Math.Round(clock.GetElapsedTime(started).TotalMilliseconds);
}

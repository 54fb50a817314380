using System.Net;
using System.Net.Http.Headers;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c>: delta-seconds or an HTTP-date, at most 24 h.</summary>
public static class WebhookRetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        && response.Headers.TryGetValues("Retry-After", out var values)
            ? Parse(values.FirstOrDefault(), now)
            : null;

    /// <summary>Null for a value that is neither form; a date already past is no wait.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (!RetryConditionHeaderValue.TryParse(value, out var condition)) return null;
        var wait = condition.Delta ?? condition.Date!.Value - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > WebhookOptions.LongestWait ? WebhookOptions.LongestWait : wait;
    }
}

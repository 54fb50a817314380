namespace PolicyEngage.Testing.Webhooks;

/// <summary>What a <see cref="WebhookReceiver"/> answers one request with, after an optional delay.</summary>
public sealed record WebhookAnswer(int StatusCode)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    public static WebhookAnswer Ok { get; } = new(200);

    public static WebhookAnswer Gone { get; } = new(410);

    public static WebhookAnswer Status(int statusCode) => new(statusCode);

    public static WebhookAnswer WithRetryAfter(int statusCode, string retryAfter) =>
        new(statusCode) { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } };

    public static WebhookAnswer Redirect(Uri location) =>
        new(302) { Headers = new Dictionary<string, string> { ["Location"] = location.AbsoluteUri } };

    public static WebhookAnswer OkAfter(TimeSpan delay) => new(200) { Delay = delay };
}

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

public sealed record DigestPushResponse(Guid EndpointId, string WebhookId, PushState State, IReadOnlyList<DigestPushAttempt> Attempts)
{
    public static DigestPushResponse Of(DigestPush push) => new(push.EndpointId, push.WebhookId, push.State, push.Attempts.OrderBy(a => a.Number).ToList());
}

namespace PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

/// <summary>The only answers that carry a secret: registration and rotation, once each.</summary>
public sealed record RegisteredWebhookResponse(Guid Id, string Url, string Secret, DateTime CreatedAt)
{
    public static RegisteredWebhookResponse Of(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Url, endpoint.Secret, endpoint.CreatedAt);
}

public sealed record RotatedWebhookResponse(Guid Id, string Secret);

public sealed record WebhookResponse(Guid Id, string Url, DateTime CreatedAt, DateTime? DisabledAt)
{
    public static WebhookResponse Of(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Url, endpoint.CreatedAt, endpoint.DisabledAt);
}

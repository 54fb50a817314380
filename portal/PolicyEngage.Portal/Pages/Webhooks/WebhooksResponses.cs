namespace PolicyEngage.Portal.Pages.Webhooks;

/// <summary>An endpoint as <c>GET /api/regulator/webhooks</c> lists it: never its secret.</summary>
public sealed record WebhookResponse(Guid Id, string Url, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);

/// <summary>Registration's answer, the one time the first secret is shown.</summary>
public sealed record RegisteredWebhookResponse(Guid Id, string Url, string Secret, DateTimeOffset CreatedAt);

/// <summary>Rotation's answer, the one time the new secret is shown.</summary>
public sealed record RotatedWebhookResponse(Guid Id, string Secret);

namespace PolicyEngage.Portal.Pages.Webhooks;

/// <summary><c>POST /api/regulator/webhooks</c>.</summary>
public sealed record RegisterWebhookRequest(string? Url);

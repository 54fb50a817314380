using System.ComponentModel.DataAnnotations;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

/// <summary>The URL's length and characters here; its scheme and host by <see cref="WebhookUrlRules"/>, which depend on the environment.</summary>
public sealed record RegisterWebhookRequest([property: MaxLength(WebhookEndpoint.UrlLength)] string? Url) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation.Text("url", Url, WebhookEndpoint.UrlLength);
}

namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>An attempt refused before connecting: every address the host stands for is in a blocked range.</summary>
public sealed class BlockedWebhookAddressException(string host, IReadOnlyList<string> refusals)
    : IOException($"Webhook host {host} was not contacted: {string.Join("; ", refusals)}.")
{
    public string Host { get; } = host;
}

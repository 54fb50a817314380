namespace PolicyEngage.Testing.Webhooks;

/// <summary>
/// One request as a <see cref="WebhookReceiver"/> saw it. <paramref name="VerifiedBy"/> lists the trusted secrets whose
/// signature the Standard Webhooks library accepted; <paramref name="VerificationErrors"/> says why each other one failed.
/// </summary>
public sealed record ReceivedWebhook(
    string Method,
    string? ContentType,
    string? WebhookId,
    string? Timestamp,
    string? Signature,
    byte[] Body,
    IReadOnlyList<string> VerifiedBy,
    IReadOnlyList<string> VerificationErrors,
    DateTimeOffset ReceivedAt)
{
    public bool Verified => VerifiedBy.Count > 0;
}

namespace PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

/// <summary>
/// Where a regulator's delivered digests are pushed. A rotated-out secret keeps signing beside the new one until
/// <see cref="PreviousSecretUntil"/>, so that the regulator can switch its receiver over without losing a push.
/// A deleted endpoint is kept, unlisted, for the pushes that name it.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlLength = WebhookUrlRules.MaxLength;

    /// <summary><c>whsec_</c> and the base64 of the longest key the specification allows (64 bytes), with room to spare.</summary>
    public const int SecretLength = 100;

    private WebhookEndpoint() { }

    public Guid Id { get; private set; }
    public Guid RegulatorId { get; private set; }
    public string Url { get; private set; } = "";
    public string Secret { get; private set; } = "";
    public string? PreviousSecret { get; private set; }
    public DateTime? PreviousSecretUntil { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>The receiver answered 410 Gone: nothing is pushed to it again.</summary>
    public DateTime? DisabledAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }

    public bool IsActive => DisabledAt is null && DeletedAt is null;

    public const string GoneReason = "The endpoint answered 410 Gone and is disabled.";
    public const string DeletedReason = "The endpoint was deleted.";

    /// <summary>Why nothing more is pushed to it, as its ended pushes announce; null while it is active.</summary>
    public string? EndReason => DeletedAt is not null ? DeletedReason : DisabledAt is not null ? GoneReason : null;

    public static WebhookEndpoint Register(Guid regulatorId, string url, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        RegulatorId = regulatorId,
        Url = url,
        Secret = WebhookSecret.Generate(),
        CreatedAt = now,
    };

    public void Rotate(DateTime now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretUntil = now + overlap;
        Secret = WebhookSecret.Generate();
    }

    /// <summary>The newest first: receivers on some libraries check only the first signature.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) =>
        PreviousSecret is not null && now < PreviousSecretUntil ? [Secret, PreviousSecret] : [Secret];

    public void Disable(DateTime now) => DisabledAt ??= now;

    public void Delete(DateTime now) => DeletedAt ??= now;
}

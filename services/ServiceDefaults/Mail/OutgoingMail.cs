namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>
/// One e-mail, written in the same transaction as the change it tells of, waiting for the <see cref="MailRelay{TContext}"/>.
/// Its <see cref="MessageId"/> is derived from that change, so a resend after a crash carries the same <c>Message-ID</c>
/// and a recipient's mail program can tell it for a repeat.
/// </summary>
public sealed class OutgoingMail
{
    public const int MessageIdLength = 200;
    public const int SubjectLength = 500;
    public const int LastErrorLength = 1000;

    private OutgoingMail() { }

    /// <summary>The sequence the relay follows.</summary>
    public long Id { get; private set; }

    /// <summary>The <c>Message-ID</c> header's value without its angle brackets, e.g. <c>decision.{eventId}@policyengage.local</c>.</summary>
    public string MessageId { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>Failed attempts so far: a refused message, or no server to take it.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not claimed before this time; null means at once. A UTC DateTime because SQLite cannot compare DateTimeOffset.</summary>
    public DateTime? NextAttemptAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>Set when the mail ran out of attempts: no relay takes it again until an operator clears it.</summary>
    public DateTime? ParkedAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// A mail about <paramref name="causeId"/> (the event that caused it), of the given kind: the same cause and kind give
    /// the same <c>Message-ID</c> on every attempt, in every process.
    /// </summary>
    public static OutgoingMail To(string recipient, string kind, Guid causeId, MailText text, MailOptions options, DateTime now) => new()
    {
        MessageId = $"{kind}.{causeId:N}@{options.MessageIdDomain}",
        Recipient = recipient,
        Subject = text.Subject.Length > SubjectLength ? text.Subject[..SubjectLength] : text.Subject,
        TextBody = text.Body,
        CreatedAt = now,
    };
}

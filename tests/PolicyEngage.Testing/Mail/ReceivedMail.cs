namespace PolicyEngage.Testing.Mail;

/// <summary>
/// One message a <see cref="SmtpReceiver"/> accepted, as MimeKit parsed it. <paramref name="MessageId"/> is the
/// <c>Message-ID</c> without its angle brackets; <paramref name="EnvelopeTo"/> the <c>RCPT TO</c> addresses.
/// </summary>
public sealed record ReceivedMail(
    string? MessageId,
    IReadOnlyList<string> To,
    IReadOnlyList<string> EnvelopeTo,
    string? From,
    string Subject,
    string Text,
    DateTimeOffset ReceivedAt);

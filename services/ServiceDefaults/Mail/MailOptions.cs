namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>Configuration section <c>Smtp</c>: the mail server the relay hands mail to, and how it retries.</summary>
public sealed class MailOptions
{
    public const string Section = "Smtp";

    /// <summary>Without it nothing is sent: mail stays queued in the database until a server is configured.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>PolicyEngage &lt;no-reply@alliance.example&gt;</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }

    /// <summary>Signs in to the server when both are set.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The right-hand side of every <c>Message-ID</c> written here.</summary>
    public string MessageIdDomain { get; set; } = "policyengage.local";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 20;

    /// <summary>Failed attempts after which a mail is parked; with the delays below, about an hour and a half of failing.</summary>
    public int MaxAttempts { get; set; } = 10;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>One SMTP command's wait for the server.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim keeps other relays off a mail; longer than a batch can take, so no two relays send one mail.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent mail is kept this long (it holds addresses), then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    public bool SendsMail => !string.IsNullOrWhiteSpace(Host);
}

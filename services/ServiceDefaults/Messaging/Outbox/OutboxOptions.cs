namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int BatchSize { get; set; } = 100;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim keeps other relays off a row; past it a crashed relay's rows are taken again.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);
}

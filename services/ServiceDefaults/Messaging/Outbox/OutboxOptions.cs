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

    /// <summary>Counted failures after which a row is parked; with the delays below, 6 to 9 minutes of failing.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after a row's first counted failure; it doubles with each further one (with jitter).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a failing row waits between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest the relay as a whole waits between rounds while the broker is unreachable.</summary>
    public TimeSpan MaxOutageDelay { get; set; } = TimeSpan.FromSeconds(30);
}

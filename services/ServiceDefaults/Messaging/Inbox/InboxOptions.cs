namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>Configuration section <c>Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// How long an applied message's row is kept. It must outlast any redelivery of that message: the broker's own
    /// redeliveries come within minutes, but a message parked in an <c>_error</c> queue is moved back by an operator
    /// (<c>requeue-errors.sh</c>) after the cause is fixed, which can take days over a holiday; a copy of it may have been
    /// applied meanwhile. 30 days is longer than we ever let an <c>_error</c> queue sit (any message there is an alert).
    /// Moving back a message older than this could apply it twice.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Message ids per delete statement: short write transactions, and far below SQL Server's 2,100 parameters.</summary>
    public int PruneBatchSize { get; set; } = 1000;
}

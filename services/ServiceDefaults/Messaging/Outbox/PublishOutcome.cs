namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

internal enum PublishResult
{
    Confirmed,

    /// <summary>The row itself is at fault, whatever the broker's state: its type or body is unreadable, or the broker returned it unroutable.</summary>
    RowFault,

    /// <summary>No confirm: the row may be at fault (a publish the broker refuses) or the broker may be away; only the round can tell.</summary>
    Unconfirmed,
}

internal sealed record PublishOutcome(OutboxMessage Row, PublishResult Result, string? Error)
{
    public static PublishOutcome Confirmed(OutboxMessage row) => new(row, PublishResult.Confirmed, null);
}

/// <summary>What a round did: rows sent, failures counted against their rows, and whether the broker looked away.</summary>
internal sealed record RoundOutcome(IReadOnlyList<long> Sent, IReadOnlyList<PublishOutcome> Counted, bool BrokerUnavailable);

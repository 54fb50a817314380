namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// Whether this process is the ledger's appender: the single active consumer of its queue, seen from inside as the
/// process that consumed a ledger event lately. The checkpoint signer runs where the appender runs, so that one process
/// signs; when no process has appended for a while (a restart with entries left unsigned), any may sign.
/// </summary>
public sealed class LedgerAppender
{
    private long _lastAppendTicks;

    public void Appending(DateTime now) => Interlocked.Exchange(ref _lastAppendTicks, now.Ticks);

    public bool AppendedSince(DateTime since) => Interlocked.Read(ref _lastAppendTicks) >= since.Ticks;
}

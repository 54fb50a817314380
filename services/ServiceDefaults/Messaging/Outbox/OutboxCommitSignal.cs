using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>Wakes the relay after every commit, so an event leaves within milliseconds rather than at the next poll.</summary>
public sealed class OutboxCommitSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify();
        return ValueTask.FromResult(result);
    }

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of commits.
        }
    }

    /// <summary>True when signalled, false when the poll interval passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _signal.WaitAsync(pollInterval, cancellationToken);
}

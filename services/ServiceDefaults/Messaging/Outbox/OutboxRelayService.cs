using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>Runs the relay: woken by each commit and by a short poll; a batch under way finishes even when the host stops.</summary>
internal sealed class OutboxRelayService<TContext>(
    OutboxRelay<TContext> relay,
    OutboxCommitSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelayService<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Drain: a full batch means more may be waiting.
                while (await relay.RelayBatchAsync(CancellationToken.None) == options.Value.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
                if (clock.GetUtcNow() >= nextHousekeeping)
                {
                    await relay.DeleteSentAsync(stoppingToken);
                    nextHousekeeping = clock.GetUtcNow() + HousekeepingInterval;
                }
                await relay.MeasureBacklogAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox relay round failed; retrying after the poll interval");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs the relay: woken by each commit and by a short poll; a batch under way finishes even when the host stops.
/// While the broker is away it backs off as a whole (commits do not wake it), so an outage costs no busy rounds.
/// </summary>
internal sealed class OutboxRelayService<TContext>(
    OutboxRelay<TContext> relay,
    OutboxHousekeeping<TContext> housekeeping,
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
        var outageRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var round = RelayRound.Idle;
            try
            {
                // Drain while rounds publish full batches; a round that published nothing waits, so rows that keep
                // failing (or an absent broker) cannot turn the loop into a spin.
                do
                {
                    round = await relay.RelayBatchAsync(CancellationToken.None);
                } while (round.Published > 0 && round.Claimed == options.Value.BatchSize && !stoppingToken.IsCancellationRequested);

                if (clock.GetUtcNow() >= nextHousekeeping)
                {
                    await housekeeping.DeleteSentAsync(stoppingToken);
                    nextHousekeeping = clock.GetUtcNow() + HousekeepingInterval;
                }
                await housekeeping.MeasureBacklogAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox relay round failed; retrying after the poll interval");
            }

            outageRounds = round.BrokerUnavailable ? outageRounds + 1 : 0;
            try
            {
                if (outageRounds == 0)
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                else
                    await Task.Delay(RetryDelay.After(outageRounds, options.Value.PollInterval, options.Value.MaxOutageDelay), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

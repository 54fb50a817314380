using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>Prunes the inbox at start and then every <see cref="InboxOptions.PruneInterval"/>.</summary>
internal sealed class InboxPruningService<TContext>(
    InboxPruner<TContext> pruner,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    ILogger<InboxPruningService<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pruner.PruneAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Inbox pruning failed; retrying at the next interval");
            }

            try
            {
                await Task.Delay(options.Value.PruneInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>
/// Runs the mail relay every <see cref="MailOptions.PollInterval"/> (at once again after a full batch), measures the
/// backlog, and deletes sent mail after its retention. Without <c>Smtp:Host</c> it only measures: mail stays queued.
/// </summary>
internal sealed class MailRelayService<TContext>(
    MailRelay<TContext> relay,
    IServiceScopeFactory scopes,
    MailMetrics metrics,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<MailRelayService<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMailOutboxContext
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SendsMail)
            logger.LogWarning("{Setting} is not set: e-mails stay queued in the database and none is sent", $"{MailOptions.Section}:Host");
        var nextHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                // A batch under way finishes even when the host stops: a mail the server accepted is then marked sent.
                if (settings.SendsMail) claimed = await relay.SendDueAsync(CancellationToken.None);
                if (clock.GetUtcNow() >= nextHousekeeping)
                {
                    await DeleteSentAsync(settings.SentRetention, stoppingToken);
                    nextHousekeeping = clock.GetUtcNow() + HousekeepingInterval;
                }
                await MeasureAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Mail relay round failed; retrying after the poll interval");
            }
            if (claimed == settings.BatchSize) continue;
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeleteSentAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - retention;
        await db.OutgoingMails.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var waiting = await db.OutgoingMails.LongCountAsync(m => m.SentAt == null && m.ParkedAt == null, cancellationToken);
        var parked = await db.OutgoingMails.LongCountAsync(m => m.SentAt == null && m.ParkedAt != null, cancellationToken);
        metrics.Backlog(waiting, parked);
    }
}

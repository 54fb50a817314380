using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;

namespace PolicyEngage.RegulatorLiaison.Consultations;

/// <summary>Configuration section <c>Consultations</c>.</summary>
public sealed class ConsultationDeadlineOptions
{
    public const string Section = "Consultations";

    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Closes open consultations whose deadline has passed. The broker has no delayed delivery here, so the deadline is
/// kept by polling the database; each close is its own transaction, so its event goes through the outbox with it.
/// </summary>
public sealed class ConsultationDeadlineCloser(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ConsultationDeadlineOptions> options,
    ILogger<ConsultationDeadlineCloser> logger) : BackgroundService
{
    public const string SystemActor = "system";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval, clock);
        do
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Closing consultations past their deadline failed; retrying at the next check");
            }
        }
        while (await WaitForNextCheckAsync(timer, stoppingToken));
    }

    /// <summary>Closes every open consultation past its deadline; returns how many this call closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await Due(scope.ServiceProvider.GetRequiredService<RegulatorLiaisonDbContext>(), now)
                .OrderBy(c => c.ClosesAt)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        var closed = 0;
        foreach (var id in due)
        {
            if (await CloseAsync(id, now, cancellationToken)) closed++;
        }
        return closed;
    }

    /// <summary>One context per close, so a close lost to a race leaves no change or event behind for the next.</summary>
    private async Task<bool> CloseAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegulatorLiaisonDbContext>();
        var consultation = await Due(db, now).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null) return false;

        consultation.Close(SystemActor, ConsultationCloseReason.DeadlinePassed, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An officer (or another instance) closed it first; that close and its event stand.
            return false;
        }
        logger.LogInformation("Closed consultation {ConsultationId}: its deadline {ClosesAt:O} passed", id, consultation.ClosesAt);
        return true;
    }

    /// <summary>Compares UTC DateTime columns only: SQLite cannot compare DateTimeOffset.</summary>
    private static IQueryable<Consultation> Due(RegulatorLiaisonDbContext db, DateTime now) =>
        db.Consultations.Where(c => c.Status == ConsultationStatus.Open && c.ClosesAt <= now);

    private static async Task<bool> WaitForNextCheckAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

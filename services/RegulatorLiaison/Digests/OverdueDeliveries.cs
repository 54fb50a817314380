using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Data;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>
/// Digests still <c>Delivering</c> past <see cref="DeliveryAlertOptions.DeliveryAlertAfter"/>: Submissions has not
/// answered, because it waits for an approval it has not heard of, its queue is stuck, or it is down. Nobody but an
/// operator can tell which, so they are shown, not retried.
/// </summary>
public sealed class OverdueDeliveries(RegulatorLiaisonDbContext db, TimeProvider clock, IOptions<DeliveryAlertOptions> options)
{
    public TimeSpan AlertAfter => options.Value.DeliveryAlertAfter;

    public async Task<OverdueDeliveryCount> MeasureAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - AlertAfter;
        var overdue = db.Digests.AsNoTracking().Where(d => d.Status == DigestStatus.Delivering && d.DeliveryRequestedAt < cutoff);
        var count = await overdue.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await overdue.MinAsync(d => d.DeliveryRequestedAt, cancellationToken);
        return new OverdueDeliveryCount(count, oldest);
    }
}

public sealed record OverdueDeliveryCount(int Count, DateTime? OldestRequestedAt);

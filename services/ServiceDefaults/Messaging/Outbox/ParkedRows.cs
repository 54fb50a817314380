using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

internal static class ParkedRows
{
    /// <summary>One count over the ParkedAt index: cheap enough for every readiness probe.</summary>
    public static Task<long> CountAsync(ServiceDbContext db, CancellationToken cancellationToken) =>
        db.OutboxMessages.LongCountAsync(m => m.ParkedAt != null, cancellationToken);
}

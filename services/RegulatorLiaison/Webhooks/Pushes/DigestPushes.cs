using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

/// <summary>Where pushes begin and end, beside the change that causes them, in the caller's <c>SaveChanges</c>.</summary>
public static class DigestPushes
{
    /// <summary>The digest has just become <c>Delivered</c>: one push per active endpoint of its regulator.</summary>
    public static async Task ScheduleAsync(RegulatorLiaisonDbContext db, Digest digest, DateTime now, CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.RegulatorId == digest.RegulatorId && e.DisabledAt == null && e.DeletedAt == null)
            .ToListAsync(ct);
        db.DigestPushes.AddRange(DigestPush.For(digest, endpoints, now));
    }

    /// <summary>The endpoint is gone or deleted: its pending pushes end <c>Disabled</c>, each announced as exhausted with its <see cref="WebhookEndpoint.EndReason"/>.</summary>
    public static async Task DisablePendingAsync(RegulatorLiaisonDbContext db, WebhookEndpoint endpoint, DateTime now, CancellationToken ct)
    {
        var reason = endpoint.EndReason ?? throw new InvalidOperationException($"Endpoint {endpoint.Id} is active: its pushes go on.");
        var pending = await db.DigestPushes.Where(p => p.EndpointId == endpoint.Id && p.State == PushState.Pending).ToListAsync(ct);
        foreach (var push in pending) push.Disable(reason, now);
    }
}

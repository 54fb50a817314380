using PolicyEngage.Testing.Services;
using System.Net;
using PolicyEngage.Audit.Data;
using PolicyEngage.Ledger.Benchmarks;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Bench;

/// <summary>
/// P6's measurement: an actor's timeline page of 100 entries after the entry at 90% of the ledger, through the real
/// route (<c>GET /api/audit/actors/{subject}/timeline?after=…&amp;limit=100</c>) of Audit in-process on the ledger's
/// file, started afresh as after a restart. The ledger's seven actors leave a full page there at every size from 10k
/// on, so each size answers the same amount; the median of 20 after 2 warm-ups.
/// </summary>
internal static class TimelinePages
{
    private const int PageSize = 100;

    public static async Task<double> DeepPageMillisecondsAsync(BenchLedger ledger)
    {
        await using var audit = new InProcessService<AuditDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:audit"] = $"Data Source={ledger.File}",
        });
        using var auditor = audit.ClientAs(Roles.Auditor);
        var after = ledger.Size * 9 / 10;
        var page = $"/api/audit/actors/{BenchLedger.ActorOf(after)}/timeline?after={after}&limit={PageSize}";
        // A full page names the next: the figure is of a page as long at every size.
        using (var first = await auditor.GetAsync(page))
        {
            if (first.StatusCode != HttpStatusCode.OK || !first.Headers.Contains("Link"))
                throw new InvalidOperationException($"{page} answered {(int)first.StatusCode} {(first.Headers.Contains("Link") ? "" : "without a next page")}: not a full page.");
        }
        return await RouteTimings.MedianMillisecondsAsync(auditor, () => new HttpRequestMessage(HttpMethod.Get, page), HttpStatusCode.OK, warmUps: 2, samples: 20);
    }
}

using System.Collections.Concurrent;
using System.Net;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.BrokerOutage;

/// <summary>
/// Keeps the system busy the way its users do, through the gateway: an author submits paper after paper and a
/// reviewer decides every case that opens. It records what the system accepted, for the final count.
/// </summary>
public sealed class LoadDriver(Caller author, Caller reviewer, Guid consultationId)
{
    private readonly ConcurrentDictionary<Guid, byte> _submitted = new();
    private readonly ConcurrentDictionary<Guid, byte> _decided = new();
    private int _refusedWrites;

    public int Submitted => _submitted.Count;
    public int Decided => _decided.Count;
    public int RefusedWrites => _refusedWrites;

    public async Task RunAsync(CancellationToken stop)
    {
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            await SubmitOneAsync(round++);
            await DecideOpenCasesAsync();
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task SubmitOneAsync(int round)
    {
        var created = await author.PostAsync("/api/papers", new { consultationId, title = $"Load paper {round}", summary = "Under load", body = $"Body {round}" });
        if (created.Status != HttpStatusCode.Created) { Interlocked.Increment(ref _refusedWrites); return; }
        var id = created.Json["id"]!.GetValue<Guid>();
        var submitted = await author.PostAsync($"/api/papers/{id}/submit");
        if (submitted.Status == HttpStatusCode.OK) _submitted.TryAdd(id, 0);
        else Interlocked.Increment(ref _refusedWrites);
    }

    private async Task DecideOpenCasesAsync()
    {
        var open = await reviewer.GetAsync("/api/reviews?status=Open");
        if (open.Status != HttpStatusCode.OK) return;
        foreach (var reviewCase in open.Json.AsArray().Take(5))
        {
            var caseId = reviewCase!["id"]!.GetValue<Guid>();
            var decided = await reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision = "Approve", comment = "Fine under load." });
            if (decided.Status == HttpStatusCode.OK) _decided.TryAdd(caseId, 0);
        }
    }
}

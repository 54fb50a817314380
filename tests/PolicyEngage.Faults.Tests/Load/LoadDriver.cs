using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>
/// Keeps the system busy the way its users do, through the gateway: an author submits paper after paper and
/// resubmits those sent back for changes, a reviewer decides every case that opens (approve, request changes,
/// reject), and the liaison office now and then closes the current consultation, compiles its digest and delivers
/// it. It records what the system accepted, for the final count.
/// </summary>
public sealed class LoadDriver(Caller author, Caller reviewer, Caller liaison, IReadOnlyList<Guid> consultations)
{
    private static readonly TimeSpan ConsultationLifetime = TimeSpan.FromSeconds(6);

    private readonly ConcurrentQueue<Guid> _sentBack = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private int _submitted;
    private int _digestsDelivered;
    private int _refused;
    private int _unavailable;
    private int _requests;
    private int _current;
    private int _round;
    private int _decisionsTaken;

    /// <summary>Versions the author saw accepted (first submissions and resubmissions).</summary>
    public int Submitted => _submitted;
    public int DigestsDelivered => _digestsDelivered;
    public int Requests => _requests;
    public TimeSpan Duration { get; private set; }

    /// <summary>Writes answered with a 4xx that the flow never expects: each would be a bug.</summary>
    public int Refused => _refused;

    /// <summary>The first few of those answers, for the failure message.</summary>
    public IEnumerable<string> Refusals => _refusals;

    /// <summary>Requests answered 5xx: expected only while a service is down.</summary>
    public int Unavailable => _unavailable;

    private Guid Consultation => consultations[_current];

    public async Task RunAsync(CancellationToken stop)
    {
        var consultationOpenedAt = DateTime.UtcNow;
        var running = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            await SubmitOneAsync();
            await ResubmitOneSentBackAsync();
            await DecideOpenCasesAsync();
            if (DateTime.UtcNow - consultationOpenedAt > ConsultationLifetime && _current < consultations.Count - 1)
            {
                await DeliverDigestOfCurrentConsultationAsync();
                consultationOpenedAt = DateTime.UtcNow;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        Duration = running.Elapsed;
    }

    private async Task SubmitOneAsync()
    {
        var round = ++_round;
        var created = await Send(() => author.PostAsync("/api/papers", FlowSteps.PaperBody(Consultation, $"Load paper {round}")));
        if (!Accepted(created, HttpStatusCode.Created)) return;
        var paperId = FlowSteps.Id(created);
        if (Accepted(await Send(() => author.PostAsync($"/api/papers/{paperId}/submit")), HttpStatusCode.OK)) Interlocked.Increment(ref _submitted);
    }

    /// <summary>A paper sent back is edited and submitted again once Submissions has heard of the decision.</summary>
    private async Task ResubmitOneSentBackAsync()
    {
        if (!_sentBack.TryDequeue(out var paperId)) return;
        var paper = await Send(() => author.GetAsync($"/api/papers/{paperId}"));
        if (paper.Status != HttpStatusCode.OK) { _sentBack.Enqueue(paperId); return; }
        // Its consultation has closed meanwhile: a resubmission would rightly be refused.
        if (paper.Json["consultationId"]!.GetValue<Guid>() != Consultation) return;
        // Submissions has not heard of the decision yet.
        if (paper.Json["status"]!.GetValue<string>() != "ChangesRequested") { _sentBack.Enqueue(paperId); return; }
        if (!Accepted(await Send(() => author.PutAsync($"/api/papers/{paperId}", FlowSteps.PaperText($"Load paper {paperId:N} revised"))), HttpStatusCode.OK)) return;
        if (Accepted(await Send(() => author.PostAsync($"/api/papers/{paperId}/submit")), HttpStatusCode.OK)) Interlocked.Increment(ref _submitted);
        else _sentBack.Enqueue(paperId);
    }

    private async Task DecideOpenCasesAsync()
    {
        var open = await Send(() => reviewer.GetAsync("/api/reviews?status=Open"));
        if (!Accepted(open, HttpStatusCode.OK)) return;
        foreach (var reviewCase in open.Json.AsArray().Take(5))
        {
            var caseId = FlowSteps.Id(reviewCase!);
            var decision = ++_decisionsTaken switch
            {
                var n when n % 5 == 0 => "RequestChanges",
                var n when n % 7 == 0 => "Reject",
                _ => "Approve",
            };
            var decided = await Send(() => reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision, comment = $"{decision} under load." }));
            if (Accepted(decided, HttpStatusCode.OK) && decision == "RequestChanges") _sentBack.Enqueue(reviewCase!["paperId"]!.GetValue<Guid>());
        }
    }

    /// <summary>New papers go to the next consultation first, so that none is refused for arriving after the close.</summary>
    private async Task DeliverDigestOfCurrentConsultationAsync()
    {
        var closing = Consultation;
        _current++;
        if (!Accepted(await Send(() => liaison.PostAsync($"/api/consultations/{closing}/close")), HttpStatusCode.OK)) return;
        var digest = await CompileOncePositionsHaveArrivedAsync(closing);
        if (!Accepted(digest, HttpStatusCode.Created)) return;
        if (Accepted(await Send(() => liaison.PostAsync($"/api/digests/{FlowSteps.Id(digest)}/deliver")), HttpStatusCode.Accepted))
            Interlocked.Increment(ref _digestsDelivered);
    }

    /// <summary>
    /// A decision can reach RegulatorLiaison before the submission it decides (a service catching up after a fault
    /// takes its queues in any order): compiling is then 409 until the text arrives, so a client asks again.
    /// </summary>
    private async Task<Response> CompileOncePositionsHaveArrivedAsync(Guid consultationId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var digest = await Send(() => liaison.PostAsync($"/api/consultations/{consultationId}/digests"));
            var stillArriving = digest.Status == HttpStatusCode.Conflict
                && digest.Body?["detail"]?.GetValue<string>().Contains("still arriving", StringComparison.Ordinal) == true;
            if (!stillArriving || attempt == 20) return digest;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task<Response> Send(Func<Task<Response>> request)
    {
        Interlocked.Increment(ref _requests);
        return await request();
    }

    private bool Accepted(Response response, HttpStatusCode expected)
    {
        if (response.Status == expected) return true;
        if ((int)response.Status >= 500) Interlocked.Increment(ref _unavailable);
        else if (Interlocked.Increment(ref _refused) <= 5) _refusals.Enqueue(response.ToString());
        return false;
    }
}

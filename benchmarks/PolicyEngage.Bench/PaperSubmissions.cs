using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>Papers created and submitted through the gateway: when each submit was answered, and what failed.</summary>
internal sealed class PaperSubmissions(DateTime startedAt)
{
    private long _failures;
    private string? _firstFailure;

    public DateTime StartedAt { get; } = startedAt;

    /// <summary>Each submitted paper and when its submit was answered, on this machine's clock.</summary>
    public ConcurrentDictionary<Guid, DateTime> Answered { get; } = new();

    public long Failures => Interlocked.Read(ref _failures);

    public string? FirstFailure => _firstFailure;

    /// <summary>
    /// A closed loop: <paramref name="concurrency"/> clients each create and submit the next paper as soon as their last
    /// is answered, until <paramref name="duration"/> is up (a paper under way then is finished).
    /// </summary>
    public static async Task<PaperSubmissions> ClosedLoopAsync(IReadOnlyList<Caller> authors, Guid consultation, int concurrency, TimeSpan duration)
    {
        var run = new PaperSubmissions(DateTime.UtcNow);
        var stopAt = run.StartedAt + duration;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stopAt)
            {
                var number = Interlocked.Increment(ref next);
                await run.CreateAndSubmitAsync(authors[number % authors.Count], consultation, number);
            }
        })));
        return run;
    }

    /// <summary>
    /// An open loop: paper i is started at i ÷ <paramref name="perSecond"/> seconds whatever the answers before it, so a
    /// slow system meets more concurrency instead of a slower arrival rate (no coordinated omission).
    /// </summary>
    public static async Task<PaperSubmissions> PacedAsync(IReadOnlyList<Caller> authors, Guid consultation, int count, double perSecond)
    {
        var run = new PaperSubmissions(DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        var papers = new List<Task>(count);
        for (var number = 0; number < count; number++)
        {
            var wait = TimeSpan.FromSeconds(number / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            papers.Add(run.CreateAndSubmitAsync(authors[number % authors.Count], consultation, number));
        }
        await Task.WhenAll(papers);
        return run;
    }

    private async Task CreateAndSubmitAsync(Caller author, Guid consultation, int number)
    {
        try
        {
            var created = await author.PostAsync("/api/papers", FlowSteps.PaperBody(consultation, $"Bench paper {number}"));
            if (created.Status != HttpStatusCode.Created)
            {
                Fail(created.ToString());
                return;
            }
            var paper = FlowSteps.Id(created);
            var submitted = await author.PostAsync($"/api/papers/{paper}/submit");
            var answeredAt = DateTime.UtcNow;
            if (submitted.Status == HttpStatusCode.OK) Answered[paper] = answeredAt;
            else Fail(submitted.ToString());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Fail($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private void Fail(string what)
    {
        Interlocked.Increment(ref _failures);
        Interlocked.CompareExchange(ref _firstFailure, what, null);
    }
}

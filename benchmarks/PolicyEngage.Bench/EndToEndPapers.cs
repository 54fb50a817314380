using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using Caller = PolicyEngage.Testing.Caller;

namespace PolicyEngage.Bench;

/// <summary>
/// P3: papers through the whole system. Authors create and submit papers through the gateway; a paper is done when
/// Audit's ledger holds its submission (read from Audit's file, read-only). Closed loops of 2, 8 and 32 clients, each for
/// a fixed time, are timed from the first create to the last ledger entry; the best is the peak. Then an open loop at
/// half the peak gives each paper's submit → ledger latency: its submit answered (the driver's clock) to its ledger
/// entry recorded (Audit's <c>RecordedAt</c>, the same machine's clock). Short bodies, so the figure is the system's
/// per-paper cost, not the bytes'.
/// </summary>
internal static class EndToEndPapers
{
    public const string Figure = "P3 end to end";

    private const int Organisations = 8;
    private static readonly int[] Concurrencies = [2, 8, 32];
    private static readonly TimeSpan LedgerBound = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchSystem system, BenchScale scale)
    {
        var (loop, paced) = scale == BenchScale.Quick ? (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)) : (TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        var api = system.Client();
        var liaison = await api.SignInAsync("bench-p3-liaison", Roles.LiaisonOfficer);
        var regulator = await FlowSteps.RegisterRegulatorAsync(liaison, "P3 regulator");
        var authors = await Task.WhenAll(Enumerable.Range(0, Organisations)
            .Select(i => api.SignInAsync($"bench-p3-author-{i}", Roles.PolicyAuthor, org: $"bench-org-{i}")));
        var ledger = AuditLedgerFile.Of(system.DatabaseFiles);

        // Unmeasured: every process's JIT, connections and caches.
        var warmUp = await OpenToPapersAsync(liaison, regulator, authors[0], "P3-WARM-UP");
        var warmed = await PaperSubmissions.ClosedLoopAsync(authors, warmUp, 4, TimeSpan.FromSeconds(3));
        await ledger.AwaitSubmissionsAsync(warmUp, warmed.Answered.Count, LedgerBound);
        await SettleAsync(system);

        var rows = new List<ResultRow>();
        var (peakRate, peakConcurrency) = (0.0, 0);
        foreach (var concurrency in Concurrencies)
        {
            var consultation = await OpenToPapersAsync(liaison, regulator, authors[0], $"P3-{concurrency}");
            var run = await PaperSubmissions.ClosedLoopAsync(authors, consultation, concurrency, loop);
            await ledger.AwaitSubmissionsAsync(consultation, run.Answered.Count, LedgerBound);
            var rate = run.Answered.Count / (ledger.SubmissionsRecordedAt(consultation).Values.Max() - run.StartedAt).TotalSeconds;
            var answered = run.Answered.Count / (run.Answered.Values.Max() - run.StartedAt).TotalSeconds;
            rows.Add(new ResultRow(Figure, $"{concurrency} clients for {loop.TotalSeconds:N0} s: {run.Answered.Count:N0} papers, submits answered at {answered:N0}/s{FailuresOf(run)}",
                new Quantity(rate, "papers/s"), null, Goal.AtLeast(500, "papers/s")));
            if (rate > peakRate) (peakRate, peakConcurrency) = (rate, concurrency);
            await SettleAsync(system);
        }

        var halfRate = peakRate / 2;
        var halfConsultation = await OpenToPapersAsync(liaison, regulator, authors[0], "P3-HALF");
        var half = await PaperSubmissions.PacedAsync(authors, halfConsultation, (int)Math.Ceiling(halfRate * paced.TotalSeconds), halfRate);
        await ledger.AwaitSubmissionsAsync(halfConsultation, half.Answered.Count, LedgerBound);
        var recorded = ledger.SubmissionsRecordedAt(halfConsultation);
        var latencies = half.Answered.Select(paper => (recorded[paper.Key] - paper.Value).TotalMilliseconds).ToList();
        var halfSize = $"open loop at {halfRate:N0} papers/s (half the peak, at {peakConcurrency} clients) for {paced.TotalSeconds:N0} s: {half.Answered.Count:N0} papers{FailuresOf(half)}";
        rows.Add(new ResultRow($"{Figure}: submit → ledger p50", halfSize, new Quantity(Percentiles.Of(latencies, 0.5), "ms"), null, null));
        rows.Add(new ResultRow($"{Figure}: submit → ledger p95", halfSize, new Quantity(Percentiles.Of(latencies, 0.95), "ms"), null, Goal.Below(250, "ms")));
        return rows;
    }

    /// <summary>A consultation of its own, open and known to Submissions (an event away): its papers are only this phase's.</summary>
    private static async Task<Guid> OpenToPapersAsync(Caller liaison, Guid regulator, Caller author, string reference)
    {
        var consultation = await FlowSteps.OpenConsultationAsync(liaison, regulator, reference);
        // A draft is never submitted, so it never reaches the ledger's count.
        await FlowSteps.CreatePaperAsync(author, consultation, $"{reference} probe");
        return consultation;
    }

    /// <summary>Every consumer (Reviews' cases, RegulatorLiaison's replica) caught up, so a phase does not pay for the one before.</summary>
    private static Task SettleAsync(BenchSystem system) => BrokerQueues.AwaitDrainedAsync(system.Broker.VirtualHost, LedgerBound);

    private static string FailuresOf(PaperSubmissions run) => run.Failures == 0 ? "" : $"; {run.Failures:N0} failed, first: {run.FirstFailure}";
}

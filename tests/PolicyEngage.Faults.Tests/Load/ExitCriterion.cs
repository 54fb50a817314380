using System.Diagnostics;
using System.Net;
using PolicyEngage.Testing;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>
/// What every fault scenario must end with, counted in every database and in the audit ledger once the system has
/// drained: every submitted version has exactly one review case, every decision moved its paper exactly once, the
/// ledger holds each event and each fact exactly once and verifies, no outbox holds an unsent row, and no message
/// waits in an <c>_error</c> queue (a redelivery an inbox failed to absorb would end there).
/// </summary>
internal static class ExitCriterion
{
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(90);

    /// <summary>Waits for the system to drain, asserts the criterion and returns the scenario's figures.</summary>
    public static async Task<string> AssertHeldAsync(string scenario, RunningSystem system, Caller auditor, LoadDriver load,
        Stopwatch sinceFaultEnded, Stopwatch sinceLoadStopped)
    {
        var ledger = new SystemLedger(system.DatabaseFiles);
        await Eventually.True(() => Drained(ledger), $"{scenario}: every outbox sent, every event in the ledger, every version reviewed and every decision applied", DrainBound);
        // Drained can hold while a consumed event's answer is still being written; settled is drained and still for a second.
        await Eventually.True(async () => await SettledAsync(ledger), $"{scenario}: the ledger still for a second", DrainBound);
        var (drained, drainedAfterLoad) = (sinceFaultEnded.Elapsed, sinceLoadStopped.Elapsed);

        var published = ledger.PublishedEventIds();
        var ledgered = ledger.LedgerEventIds();
        var versions = ledger.SubmittedVersions();
        var cases = ledger.ReviewCases();
        var decisions = ledger.Decisions();
        var applied = ledger.AppliedDecisions();
        var lost = published.Except(ledgered).Count() + versions.Except(cases).Count() + decisions.Except(applied).Count();
        // Unique keys already keep event ids, review cases and applied decisions single; these are kept single only by
        // the inbox and the aggregates' own rules: one fact announced under two event ids, or an entry from nowhere.
        var doubled = Repeats(ledger.LedgerFacts()) + ledgered.Except(published).Count();
        var figures = $"{scenario}: {load.Requests} requests in {load.Duration.TotalSeconds:F0} s, {load.Submitted} versions submitted ({versions.Count} in Submissions), {decisions.Count} decisions, " +
            $"{load.DigestsDelivered} digests delivered, {published.Count} events published, {ledgered.Count} in the ledger, " +
            $"lost {lost}, doubled {doubled}, drained {drained.TotalSeconds:F1} s after the fault ended ({drainedAfterLoad.TotalSeconds:F1} s after the load stopped)";

        Assert.True(load.Submitted > 0 && decisions.Count > 0 && load.DigestsDelivered > 0, $"the load did too little to prove anything: {figures}");
        Assert.True(load.Refused == 0, $"{load.Refused} answers the flow never expects: {string.Join("; ", load.Refusals)}");
        Assert.True(versions.Count >= load.Submitted, $"a version the author saw accepted is missing: {figures}");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
        Assert.Equal(versions.Order(), cases.Order());
        Assert.Equal(decisions.Order(), applied.Order());
        // Timers go on writing after the settle (a push retried, a deadline passed): each such row is sent within a poll,
        // while a row a relay left claimed and unsent would stay so for its whole claim.
        await Eventually.True(() => ledger.UnsentOutboxRows == 0, $"{scenario}: every outbox row sent, those written since the settle too",
            TimeSpan.FromSeconds(10));
        var verify = (await auditor.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.True(verify["valid"]!.GetValue<bool>(), $"the ledger does not verify: {verify.ToJsonString()}");
        // Verified: at least every entry counted above, and at most what the ledger holds once the answer came.
        var verified = verify["count"]!.GetValue<long>();
        Assert.InRange(verified, (long)ledgered.Count, Entries(ledger));
        Assert.Empty(await new VirtualHostQueues(system.Broker.VirtualHost, system.Broker.ManagementPort).ErrorMessagesAsync());
        return figures;
    }

    private static async Task<bool> SettledAsync(SystemLedger ledger)
    {
        var before = (ledger.OutboxRows, Entries(ledger));
        await Task.Delay(TimeSpan.FromSeconds(1));
        return Drained(ledger) && (ledger.OutboxRows, Entries(ledger)) == before;
    }

    private static long Entries(SystemLedger ledger) => ledger.Count("audit", "SELECT COUNT(*) FROM LedgerEntries");

    /// <summary>Counts only, polled often: the sets are compared once, after.</summary>
    private static bool Drained(SystemLedger ledger) =>
        ledger.UnsentOutboxRows == 0
        && ledger.Count("audit", "SELECT COUNT(*) FROM LedgerEntries") >= ledger.OutboxRows
        && ledger.Count("reviews", "SELECT COUNT(*) FROM ReviewCases") >= ledger.Count("submissions", "SELECT COUNT(*) FROM PaperVersion")
        && ledger.Count("submissions", "SELECT COUNT(*) FROM PaperReview") >= ledger.Count("reviews", "SELECT COUNT(*) FROM ReviewCases WHERE Decision IS NOT NULL");

    private static int Repeats(List<string> items) => items.Count - items.Distinct().Count();
}

using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.Faults.Tests.DeliveryRace;

/// <summary>
/// An author withdraws a paper while the liaison office delivers the digest carrying it, through the gateway, on real
/// processes, many rounds. Every consumer of Submissions and RegulatorLiaison is held back by a failpoint, so each
/// side's event arrives late and RegulatorLiaison's replica cannot refuse the delivery on its own: Submissions, the
/// authority on withdrawal, decides. Whichever wins, never both: a withdrawal that succeeded is never delivered, a
/// delivered paper was never withdrawn, and the ledger never sequences a withdrawal after a delivery that carried it.
/// </summary>
public sealed class WithdrawDeliverRaceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 12;
    private static readonly IReadOnlyDictionary<string, string> HeldBack = new Dictionary<string, string> { ["FaultInjection__ConsumeDelay"] = "00:00:00.200" };

    private readonly FailpointSystem _system = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["Submissions"] = HeldBack,
        ["RegulatorLiaison"] = HeldBack,
    });

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_and_a_delivery_at_the_same_instant_never_both_succeed()
    {
        var api = _system.Client();
        var liaison = await api.SignInAsync("race-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync("race-acme", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync("race-globex", "Reviewer", org: "globex");
        var auditor = await api.SignInAsync("race-auditor", "Auditor");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Race regulator");
        var outcomes = new Dictionary<string, int>();

        for (var round = 0; round < Rounds; round++)
        {
            var consultationId = await OpenConsultationAsync(liaison, regulatorId, $"RACE-{round}-{Guid.NewGuid():N}");
            var paperId = Id(await author.EventuallyAsync(
                () => author.PostAsync("/api/papers", PaperBody(consultationId, $"Race paper {round}")),
                r => r.Status == HttpStatusCode.Created, "the consultation reaching Submissions"));
            (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
            var caseId = await OpenCaseAsync(reviewer, paperId, 1);
            (await reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision = "Approve", comment = "Fine." })).Expect(HttpStatusCode.OK);
            await AwaitStatusAsync(author, paperId, "Approved");
            (await liaison.PostAsync($"/api/consultations/{consultationId}/close")).Expect(HttpStatusCode.OK);
            await AwaitPositionsAsync(liaison, consultationId, [paperId]);
            var digestId = Id((await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Created));

            // The same instant, then the withdrawal a little later each round: both orders of arrival occur.
            var lag = TimeSpan.FromMilliseconds(round % 4 * 150);
            var deliver = liaison.PostAsync($"/api/digests/{digestId}/deliver");
            var withdraw = Task.Delay(lag).ContinueWith(_ => author.PostAsync($"/api/papers/{paperId}/withdraw")).Unwrap();
            var (delivered, withdrawn) = (await deliver, await withdraw);

            var digest = await liaison.EventuallyAsync(() => liaison.GetAsync($"/api/digests/{digestId}"),
                r => r.Json["status"]!.GetValue<string>() is "Delivered" or "Refused" || delivered.Status == HttpStatusCode.Conflict,
                $"round {round}: Submissions answering the delivery request");
            var state = delivered.Status == HttpStatusCode.Conflict ? "refused at once" : digest.Json["status"]!.GetValue<string>();
            var outcome = $"withdraw {(int)withdrawn.Status}, digest {state}";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            Assert.True(withdrawn.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"round {round}: {withdrawn}");
            if (withdrawn.Status == HttpStatusCode.OK)
                Assert.True(state is "Refused" or "refused at once", $"round {round}: the paper was withdrawn and its digest {state}");
            else
                Assert.Equal("Delivered", state);
            await AssertLedgerNeverWithdrawsAfterDeliveringAsync(auditor, paperId, withdrawn.Status == HttpStatusCode.OK, state == "Delivered");
        }

        output.WriteLine($"withdraw vs deliver, {Rounds} rounds: {string.Join(", ", outcomes.Select(o => $"{o.Key} ×{o.Value}"))}");
    }

    /// <summary>Waits for the round's events to reach the ledger, then reads the paper's timeline in ledger order.</summary>
    private static async Task AssertLedgerNeverWithdrawsAfterDeliveringAsync(Caller auditor, Guid paperId, bool withdrawn, bool delivered)
    {
        var timeline = await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/papers/{paperId}/timeline"),
            r => r.Status == HttpStatusCode.OK
                && r.Json.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == "PositionPaperWithdrawn") == withdrawn
                && r.Json.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == "DigestDelivered") == delivered,
            $"paper {paperId}'s withdrawal or delivery in the ledger");
        var types = timeline.Json.AsArray().Select(e => e!["eventType"]!.GetValue<string>()).ToList();
        var deliveredAt = types.IndexOf("DigestDelivered");
        var withdrawnAt = types.IndexOf("PositionPaperWithdrawn");
        Assert.False(deliveredAt >= 0 && withdrawnAt >= 0, $"paper {paperId} both delivered and withdrawn: {string.Join(", ", types)}");
    }
}

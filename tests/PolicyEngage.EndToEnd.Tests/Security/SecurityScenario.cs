using System.Net;
using static PolicyEngage.Testing.FlowSteps;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>The resources and callers the security tests aim at, built through the gateway like any user would.</summary>
public sealed record SecurityScenario(IReadOnlyDictionary<Who, Caller> Callers, IReadOnlyDictionary<string, Guid> Resources)
{
    public const string PaperTitle = "Confidential position of acme";
    public const string DraftTitle = "An acme draft";

    /// <summary>
    /// acme's paper submitted, approved, compiled and delivered to the addressed regulator; acme's draft never submitted;
    /// two push endpoints of that regulator, one to be deleted.
    /// </summary>
    public static async Task<SecurityScenario> BuildAsync(ApiClient api)
    {
        var liaison = await api.SignInAsync("matrix-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync("matrix-acme", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync("matrix-globex", "Reviewer", org: "globex");
        var auditor = await api.SignInAsync("matrix-auditor", "Auditor");

        var regulatorId = await RegisterRegulatorAsync(liaison, "Ofcom", "UK");
        var otherRegulatorId = await RegisterRegulatorAsync(liaison, "CNIL", "FR");
        var open = await OpenConsultationAsync(liaison, regulatorId, "MATRIX-OPEN");
        var closed = await OpenConsultationAsync(liaison, regulatorId, "MATRIX-CLOSED");

        var paperId = Id(await author.EventuallyAsync(() => author.PostAsync("/api/papers", new { consultationId = closed, title = PaperTitle, summary = "S", body = "Secret body" }),
            r => r.Status == HttpStatusCode.Created, "the paper accepted"));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        var reviewCase = await OpenCaseAsync(reviewer, paperId, 1);
        (await reviewer.PostAsync($"/api/reviews/{reviewCase}/decisions", new { decision = "Approve", comment = "Fine." })).Expect(HttpStatusCode.OK);
        await AwaitStatusAsync(author, paperId, "Approved");
        (await liaison.PostAsync($"/api/consultations/{closed}/close")).Expect(HttpStatusCode.OK);
        await AwaitPositionsAsync(liaison, closed, [paperId]);
        var digest = Id((await liaison.PostAsync($"/api/consultations/{closed}/digests")).Expect(HttpStatusCode.Created));
        (await liaison.PostAsync($"/api/digests/{digest}/deliver")).Expect(HttpStatusCode.Accepted);
        await AwaitPaperAsync(author, paperId, p => p["deliveredToRegulator"]!.GetValue<bool>(), "the delivery reaching Submissions");
        var draft = Id(await CreatePaperAsync(author, open, DraftTitle));
        await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/papers/{paperId}/timeline"), r => r.Status == HttpStatusCode.OK, "the paper in the ledger");
        await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{closed}/timeline"), r => r.Status == HttpStatusCode.OK, "the consultation in the ledger");
        await auditor.EventuallyAsync(() => auditor.GetAsync("/api/audit/checkpoint"), r => r.Status == HttpStatusCode.OK, "a signed checkpoint");

        var regulator = await api.SignInAsync("matrix-ofcom", "Regulator", regulator: regulatorId);
        // Registered once the digest is delivered, so that no push is under way while the matrix runs.
        var webhook = Id((await regulator.PostAsync("/api/regulator/webhooks", new { url = "http://127.0.0.1:9/ofcom" })).Expect(HttpStatusCode.Created));
        var spareWebhook = Id((await regulator.PostAsync("/api/regulator/webhooks", new { url = "http://127.0.0.1:9/spare" })).Expect(HttpStatusCode.Created));

        var callers = new Dictionary<Who, Caller>
        {
            [Who.Anonymous] = api.Anonymous(),
            [Who.Author] = author,
            [Who.OtherAuthor] = await api.SignInAsync("matrix-initech", "PolicyAuthor", org: "initech"),
            [Who.Reviewer] = reviewer,
            [Who.SameOrgReviewer] = await api.SignInAsync("matrix-acme-reviewer", "Reviewer", org: "acme"),
            [Who.Liaison] = liaison,
            [Who.Regulator] = regulator,
            [Who.OtherRegulator] = await api.SignInAsync("matrix-cnil", "Regulator", regulator: otherRegulatorId),
            [Who.Auditor] = auditor,
        };
        var resources = new Dictionary<string, Guid>
        {
            ["paper"] = paperId,
            ["draft"] = draft,
            ["reviewCase"] = reviewCase,
            ["openConsultation"] = open,
            ["closedConsultation"] = closed,
            ["digest"] = digest,
            ["regulator"] = regulatorId,
            ["webhook"] = webhook,
            ["spareWebhook"] = spareWebhook,
        };
        return new SecurityScenario(callers, resources);
    }
}

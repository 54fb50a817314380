using System.Net;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Papers;

/// <summary>Data a test is not about, set up through the API as FlowSteps does.</summary>
public static class PaperScenes
{
    /// <summary>
    /// An open consultation that Submissions already knows of (a probe draft of an organisation no test reads was
    /// accepted, and discarded), so that a paper written in the browser is not refused for an event still in flight.
    /// </summary>
    public static async Task<Guid> OpenConsultationAsync(PortalSystem system, string reference)
    {
        var api = system.Client();
        var liaison = await api.SignInAsync($"{reference}-liaison", "LiaisonOfficer");
        // The first request of a run may meet a service still warming up on a busy machine (the gateway's 503): asked again.
        var regulatorId = FlowSteps.Id(await liaison.EventuallyAsync(
            () => liaison.PostAsync("/api/regulators", new { name = $"Regulator {reference}", jurisdiction = "EU" }),
            r => r.Status == HttpStatusCode.Created, $"regulator {reference} registered"));
        var consultationId = await FlowSteps.OpenConsultationAsync(liaison, regulatorId, reference);
        var probe = await api.SignInAsync($"{reference}-probe", "PolicyAuthor", org: "probe");
        var probeId = FlowSteps.Id(await FlowSteps.CreatePaperAsync(probe, consultationId, "probe"));
        (await probe.PostAsync($"/api/papers/{probeId}/withdraw")).Expect(HttpStatusCode.OK);
        return consultationId;
    }

    /// <summary>A paper with two submitted versions: version 1 sent back for changes, version 2 submitted and open for review.</summary>
    public static async Task<Guid> TwoVersionsAsync(Caller author, Caller reviewer, Guid consultationId, object first, object second)
    {
        var paperId = FlowSteps.Id((await author.EventuallyAsync(() => author.PostAsync("/api/papers", first),
            r => r.Status == HttpStatusCode.Created, "draft accepted")));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        var caseId = await FlowSteps.OpenCaseAsync(reviewer, paperId, 1);
        (await reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision = "RequestChanges", comment = "请补充数据来源。Please cite sources." })).Expect(HttpStatusCode.OK);
        await FlowSteps.AwaitStatusAsync(author, paperId, "ChangesRequested");
        (await author.PutAsync($"/api/papers/{paperId}", second)).Expect(HttpStatusCode.OK);
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        return paperId;
    }
}

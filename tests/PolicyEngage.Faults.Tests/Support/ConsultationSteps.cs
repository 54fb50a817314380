using System.Net;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Support;

/// <summary>The ordinary traffic a fault scenario keeps running through the gateway, each step waiting out the event it depends on.</summary>
internal static class ConsultationSteps
{
    public static async Task<Guid> OpenConsultationAsync(Caller liaison) =>
        await FlowSteps.OpenConsultationAsync(liaison, await FlowSteps.RegisterRegulatorAsync(liaison, "Faults regulator"), $"FAULTS-{Guid.NewGuid():N}");

    public static async Task<Guid> SubmitPaperAsync(Caller author, Guid consultationId, string title)
    {
        var paperId = FlowSteps.Id(await FlowSteps.CreatePaperAsync(author, consultationId, title));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        return paperId;
    }

    /// <summary>The review cases open for a paper, once there is at least one.</summary>
    public static async Task<JsonNode[]> AwaitOpenCasesAsync(Caller reviewer, Guid paperId)
    {
        var open = await reviewer.EventuallyAsync(() => reviewer.GetAsync($"/api/reviews?status=Open&paperId={paperId}"),
            r => r.Status == HttpStatusCode.OK && CasesOf(r.Json, paperId).Length > 0, $"a review case for paper {paperId}");
        return CasesOf(open.Json, paperId);
    }

    private static JsonNode[] CasesOf(JsonNode cases, Guid paperId) =>
        cases.AsArray().Where(c => c!["paperId"]!.GetValue<Guid>() == paperId).Select(c => c!).ToArray();

}

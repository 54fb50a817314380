using System.Net;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests;

/// <summary>The ordinary traffic a fault scenario keeps running through the gateway, each step waiting out the event it depends on.</summary>
internal static class ConsultationSteps
{
    public static async Task<Guid> OpenConsultationAsync(Caller liaison)
    {
        var regulator = (await liaison.PostAsync("/api/regulators", new { name = "Faults regulator", jurisdiction = "EU" })).Expect(HttpStatusCode.Created);
        var consultation = (await liaison.PostAsync("/api/consultations", new
        {
            regulatorId = Id(regulator.Json),
            reference = $"FAULTS-{Guid.NewGuid():N}",
            title = "Consultation kept open through faults",
            summary = "Receives papers while something fails.",
            closesAt = DateTime.UtcNow.AddHours(1),
        })).Expect(HttpStatusCode.Created);
        return Id(consultation.Json);
    }

    /// <summary>Creating the draft waits for Submissions to learn of the consultation (an event away).</summary>
    public static async Task<Guid> SubmitPaperAsync(Caller author, Guid consultationId, string title)
    {
        var draft = await author.EventuallyAsync(
            () => author.PostAsync("/api/papers", new { consultationId, title, summary = $"Summary of {title}", body = $"Body of {title}" }),
            r => r.Status == HttpStatusCode.Created, $"draft '{title}' accepted");
        var paperId = Id(draft.Json);
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        return paperId;
    }

    /// <summary>The review cases open for a paper, once there is at least one.</summary>
    public static async Task<JsonNode[]> AwaitOpenCasesAsync(Caller reviewer, Guid paperId)
    {
        var open = await reviewer.EventuallyAsync(() => reviewer.GetAsync("/api/reviews?status=Open"),
            r => r.Status == HttpStatusCode.OK && CasesOf(r.Json, paperId).Length > 0, $"a review case for paper {paperId}");
        return CasesOf(open.Json, paperId);
    }

    private static JsonNode[] CasesOf(JsonNode cases, Guid paperId) =>
        cases.AsArray().Where(c => c!["paperId"]!.GetValue<Guid>() == paperId).Select(c => c!).ToArray();

    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
}

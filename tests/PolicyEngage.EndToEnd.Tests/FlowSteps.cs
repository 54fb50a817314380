using System.Net;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests;

/// <summary>Steps of the consultation flow that several end-to-end tests take, each waiting out the event it depends on.</summary>
internal static class FlowSteps
{
    internal static object PaperText(string title) => new { title, summary = $"Summary of {title}", body = $"Body of {title}" };

    internal static object PaperBody(Guid consultationId, string title) =>
        new { consultationId, title, summary = $"Summary of {title}", body = $"Body of {title}" };

    /// <summary>Creating a paper waits for Submissions to learn of the consultation (an event away).</summary>
    internal static Task<Response> CreatePaperAsync(Caller author, Guid consultationId, string title) =>
        author.EventuallyAsync(() => author.PostAsync("/api/papers", PaperBody(consultationId, title)),
            r => r.Status == HttpStatusCode.Created, $"draft '{title}' accepted");

    internal static async Task<Guid> OpenCaseAsync(Caller reviewer, Guid paperId, int version)
    {
        var cases = await reviewer.EventuallyAsync(() => reviewer.GetAsync("/api/reviews?status=Open"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Any(c => IsCase(c!, paperId, version)), $"review case for {paperId} v{version}");
        return Id(cases.Json.AsArray().Single(c => IsCase(c!, paperId, version))!);
    }

    internal static bool IsCase(JsonNode reviewCase, Guid paperId, int version) =>
        reviewCase["paperId"]!.GetValue<Guid>() == paperId && reviewCase["paperVersion"]!.GetValue<int>() == version;

    internal static async Task<Guid> SubmitAndDecideAsync(Caller author, Caller reviewer, Guid consultationId, string title, string decision)
    {
        var paperId = Id(await CreatePaperAsync(author, consultationId, title));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        var caseId = await OpenCaseAsync(reviewer, paperId, 1);
        (await reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision, comment = $"{decision}: reasons given." })).Expect(HttpStatusCode.OK);
        return paperId;
    }

    internal static Task<Response> AwaitStatusAsync(Caller author, Guid paperId, string status) =>
        AwaitPaperAsync(author, paperId, p => p["status"]?.GetValue<string>() == status, $"paper {paperId} {status}");

    internal static Task<Response> AwaitPaperAsync(Caller author, Guid paperId, Func<JsonNode, bool> until, string what) =>
        author.EventuallyAsync(() => author.GetAsync($"/api/papers/{paperId}"), r => r.Body is { } paper && until(paper), what);

    internal static Task<Response> AwaitPositionsAsync(Caller liaison, Guid consultationId, Guid[] paperIds) =>
        liaison.EventuallyAsync(() => liaison.GetAsync($"/api/consultations/{consultationId}/positions"),
            r => r.Status == HttpStatusCode.OK && PaperIds(r.Json).SetEquals(paperIds), $"positions of exactly {paperIds.Length} papers");

    internal static HashSet<Guid> PaperIds(JsonNode positions) => positions.AsArray().Select(p => p!["paperId"]!.GetValue<Guid>()).ToHashSet();

    internal static Guid Id(Response response) => Id(response.Json);

    internal static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
}

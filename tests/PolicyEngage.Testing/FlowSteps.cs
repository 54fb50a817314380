using Xunit;
using System.Net;
using System.Text.Json.Nodes;

namespace PolicyEngage.Testing;

/// <summary>Steps of the consultation flow that several end-to-end tests take, each waiting out the event it depends on.</summary>
public static class FlowSteps
{
    public static async Task<Guid> RegisterRegulatorAsync(Caller liaison, string name, string jurisdiction = "EU") =>
        Id((await liaison.PostAsync("/api/regulators", new { name, jurisdiction })).Expect(HttpStatusCode.Created));

    public static async Task<Guid> OpenConsultationAsync(Caller liaison, Guid regulatorId, string reference, DateTime? closesAt = null) =>
        Id((await liaison.PostAsync("/api/consultations", new
        {
            regulatorId,
            reference,
            title = $"Consultation {reference}",
            summary = "Positions wanted.",
            closesAt = closesAt ?? DateTime.UtcNow.AddHours(1),
        })).Expect(HttpStatusCode.Created));

    public static object PaperText(string title) => new { title, summary = $"Summary of {title}", body = $"Body of {title}" };

    public static object PaperBody(Guid consultationId, string title) =>
        new { consultationId, title, summary = $"Summary of {title}", body = $"Body of {title}" };

    /// <summary>Creating a paper waits for Submissions to learn of the consultation (an event away).</summary>
    public static Task<Response> CreatePaperAsync(Caller author, Guid consultationId, string title) =>
        author.EventuallyAsync(() => author.PostAsync("/api/papers", PaperBody(consultationId, title)),
            r => r.Status == HttpStatusCode.Created, $"draft '{title}' accepted");

    public static async Task<Guid> OpenCaseAsync(Caller reviewer, Guid paperId, int version)
    {
        var cases = await reviewer.EventuallyAsync(() => reviewer.GetAsync($"/api/reviews?status=Open&paperId={paperId}"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Any(c => IsCase(c!, paperId, version)), $"review case for {paperId} v{version}");
        return Id(cases.Json.AsArray().Single(c => IsCase(c!, paperId, version))!);
    }

    public static bool IsCase(JsonNode reviewCase, Guid paperId, int version) =>
        reviewCase["paperId"]!.GetValue<Guid>() == paperId && reviewCase["paperVersion"]!.GetValue<int>() == version;

    public static async Task<Guid> SubmitAndDecideAsync(Caller author, Caller reviewer, Guid consultationId, string title, string decision)
    {
        var paperId = Id(await CreatePaperAsync(author, consultationId, title));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        var caseId = await OpenCaseAsync(reviewer, paperId, 1);
        (await reviewer.PostAsync($"/api/reviews/{caseId}/decisions", new { decision, comment = $"{decision}: reasons given." })).Expect(HttpStatusCode.OK);
        return paperId;
    }

    public static Task<Response> AwaitStatusAsync(Caller author, Guid paperId, string status) =>
        AwaitPaperAsync(author, paperId, p => p["status"]?.GetValue<string>() == status, $"paper {paperId} {status}");

    public static Task<Response> AwaitPaperAsync(Caller author, Guid paperId, Func<JsonNode, bool> until, string what) =>
        author.EventuallyAsync(() => author.GetAsync($"/api/papers/{paperId}"), r => r.Body is { } paper && until(paper), what);

    public static Task<Response> AwaitPositionsAsync(Caller liaison, Guid consultationId, Guid[] paperIds) =>
        liaison.EventuallyAsync(() => liaison.GetAsync($"/api/consultations/{consultationId}/positions"),
            r => r.Status == HttpStatusCode.OK && PaperIds(r.Json).SetEquals(paperIds), $"positions of exactly {paperIds.Length} papers");

    /// <summary>
    /// A consultation of one approved paper, closed, compiled and asked to be delivered: the digest id, which Submissions'
    /// reservation makes <c>Delivered</c> an event or two later.
    /// </summary>
    public static async Task<Guid> DeliverDigestAsync(ApiClient api, Guid regulatorId, string reference, string paperTitle)
    {
        var liaison = await api.SignInAsync($"{reference}-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync($"{reference}-author", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync($"{reference}-reviewer", "Reviewer", org: "globex");
        var consultationId = await OpenConsultationAsync(liaison, regulatorId, reference);
        var paperId = await SubmitAndDecideAsync(author, reviewer, consultationId, paperTitle, "Approve");
        await AwaitStatusAsync(author, paperId, "Approved");
        (await liaison.PostAsync($"/api/consultations/{consultationId}/close")).Expect(HttpStatusCode.OK);
        await AwaitPositionsAsync(liaison, consultationId, [paperId]);
        var digestId = Id((await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Created));
        (await liaison.PostAsync($"/api/digests/{digestId}/deliver")).Expect(HttpStatusCode.Accepted);
        return digestId;
    }

    public static HashSet<Guid> PaperIds(JsonNode positions) => positions.AsArray().Select(p => p!["paperId"]!.GetValue<Guid>()).ToHashSet();

    public static Guid Id(Response response) => Id(response.Json);

    public static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
}

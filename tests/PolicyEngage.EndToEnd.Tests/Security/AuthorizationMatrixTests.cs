using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static PolicyEngage.EndToEnd.Tests.FlowSteps;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>Runs every cell of <see cref="AuthorizationMatrix"/> through the real gateway against the running services.</summary>
[Collection(nameof(RunningSystem))]
public sealed class AuthorizationMatrixTests(RunningSystem system)
{
    private const string PaperTitle = "Confidential position of acme";

    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var (callers, resources) = await BuildScenarioAsync();

        var mismatches = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var (who, expected) in row.Expected)
            {
                var body = row.Body is null ? null : JsonNode.Parse(Fill(JsonSerializer.Serialize(row.Body), resources));
                var response = await callers[who].SendAsync(new HttpMethod(row.Method), Fill(row.Path, resources), body);
                if ((int)response.Status != expected)
                    mismatches.Add($"{row.Method} {row.Path} as {who}: expected {expected}, got {(int)response.Status} {response.Body?.ToJsonString()}");
                if ((int)response.Status is 401 or 403 or 404 && response.Body?.ToJsonString().Contains(PaperTitle) == true)
                    mismatches.Add($"{row.Method} {row.Path} as {who}: a refusal carried the paper's text");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {AuthorizationMatrix.CellCount} cells differ:\n{string.Join("\n", mismatches)}");
        var otherInbox = (await callers[Who.OtherRegulator].GetAsync("/api/regulator/inbox")).Json.AsArray();
        Assert.DoesNotContain(otherInbox, d => d!["id"]!.GetValue<Guid>() == resources["digest"]);
    }

    /// <summary>acme's paper submitted, approved, compiled and delivered to the addressed regulator; acme's draft never submitted.</summary>
    private async Task<(Dictionary<Who, Caller> Callers, Dictionary<string, Guid> Resources)> BuildScenarioAsync()
    {
        var api = system.Client();
        var liaison = await api.SignInAsync("matrix-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync("matrix-acme", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync("matrix-globex", "Reviewer", org: "globex");
        var auditor = await api.SignInAsync("matrix-auditor", "Auditor");

        var regulatorId = Id((await liaison.PostAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK" })).Expect(HttpStatusCode.Created));
        var otherRegulatorId = Id((await liaison.PostAsync("/api/regulators", new { name = "CNIL", jurisdiction = "FR" })).Expect(HttpStatusCode.Created));
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
        var draft = Id(await CreatePaperAsync(author, open, "An acme draft"));
        await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/papers/{paperId}/timeline"), r => r.Status == HttpStatusCode.OK, "the paper in the ledger");
        await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{closed}/timeline"), r => r.Status == HttpStatusCode.OK, "the consultation in the ledger");

        var callers = new Dictionary<Who, Caller>
        {
            [Who.Anonymous] = api.Anonymous(),
            [Who.Author] = author,
            [Who.OtherAuthor] = await api.SignInAsync("matrix-initech", "PolicyAuthor", org: "initech"),
            [Who.Reviewer] = reviewer,
            [Who.SameOrgReviewer] = await api.SignInAsync("matrix-acme-reviewer", "Reviewer", org: "acme"),
            [Who.Liaison] = liaison,
            [Who.Regulator] = await api.SignInAsync("matrix-ofcom", "Regulator", regulator: regulatorId),
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
        };
        return (callers, resources);
    }

    private static async Task<Guid> OpenConsultationAsync(Caller liaison, Guid regulatorId, string reference) =>
        Id((await liaison.PostAsync("/api/consultations", new
        {
            regulatorId,
            reference,
            title = "Matrix consultation",
            summary = "For the authorization matrix.",
            closesAt = DateTime.UtcNow.AddHours(1),
        })).Expect(HttpStatusCode.Created));

    private static string Fill(string template, Dictionary<string, Guid> resources) =>
        resources.Aggregate(template, (text, resource) => text.Replace($"{{{resource.Key}}}", resource.Value.ToString()));
}

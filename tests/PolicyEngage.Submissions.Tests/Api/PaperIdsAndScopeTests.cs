using System.Net;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>Malformed ids, other organisations' papers, private drafts and roles without access to papers.</summary>
public sealed class PaperIdsAndScopeTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Theory]
    [InlineData("GET", "/api/papers/not-a-guid")]
    [InlineData("PUT", "/api/papers/not-a-guid")]
    [InlineData("POST", "/api/papers/not-a-guid/submit")]
    [InlineData("POST", "/api/papers/not-a-guid/withdraw")]
    [InlineData("GET", "/api/papers/12345")]
    public async Task A_non_GUID_id_is_a_400_problem_naming_the_id(string method, string uri)
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var rowsBefore = await app.CountRowsAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), uri)
        {
            Content = method == "PUT" ? PapersClient.Json(PapersClient.Text("A valid title")) : null,
        };

        var response = await author.SendAsync(request);

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, "id");
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Another_organisation_s_paper_is_404_for_every_verb_without_revealing_it_and_stays_unchanged()
    {
        var acme = app.ClientAs(Roles.PolicyAuthor, "acme");
        var globex = app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author");
        var consultation = await app.OpenConsultationAsync();
        var (paper, etag) = await acme.CreateAsync(consultation.Id, title: "Acme's confidential position");
        var before = await app.FindPaperAsync(paper.Id);
        var rowsBefore = await app.CountRowsAsync();

        var responses = new[]
        {
            await globex.GetAsync($"/api/papers/{paper.Id}"),
            await globex.EditAsync(paper.Id, PapersClient.Text("Hijacked"), ifMatch: etag),
            await globex.EditAsync(paper.Id, PapersClient.Text("Hijacked")),
            await globex.SubmitAsync(paper.Id, ifMatch: etag),
            await globex.WithdrawAsync(paper.Id),
        };

        foreach (var response in responses)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Null(response.Headers.ETag);
            Assert.DoesNotContain("confidential", await response.Content.ReadAsStringAsync());
        }
        var after = await app.FindPaperAsync(paper.Id);
        Assert.Equal((before.Title, before.Status, before.Revision), (after.Title, after.Status, after.Revision));
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
        var listed = await globex.GetStringAsync($"/api/papers?consultationId={consultation.Id}");
        Assert.DoesNotContain(paper.Id.ToString(), listed);
    }

    [Fact]
    public async Task An_unknown_paper_is_404_like_another_organisation_s()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var unknown = Guid.CreateVersion7();

        await ProblemAssert.IsProblemAsync(await author.GetAsync($"/api/papers/{unknown}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await author.EditAsync(unknown, PapersClient.Text("Title")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await author.SubmitAsync(unknown), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await author.WithdrawAsync(unknown), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Reviewer, "globex")]
    [InlineData(Roles.Reviewer, "acme")]
    [InlineData(Roles.LiaisonOfficer, null)]
    [InlineData(Roles.Auditor, null)]
    public async Task A_draft_never_submitted_is_404_to_everyone_outside_its_organisation_until_it_is_submitted(string role, string? organisation)
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var reader = app.ClientAs(role, organisation, subject: "reader-1");
        var consultation = await app.OpenConsultationAsync();
        var (draft, _) = await author.CreateAsync(consultation.Id, title: "Private draft text");

        var whileDraft = await reader.GetAsync($"/api/papers/{draft.Id}");
        var listedWhileDraft = await reader.GetStringAsync($"/api/papers?consultationId={consultation.Id}");
        Assert.Equal(HttpStatusCode.OK, (await author.SubmitAsync(draft.Id)).StatusCode);
        var onceSubmitted = await reader.GetAsync($"/api/papers/{draft.Id}");

        await ProblemAssert.IsProblemAsync(whileDraft, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Private draft text", await whileDraft.Content.ReadAsStringAsync());
        Assert.DoesNotContain(draft.Id.ToString(), listedWhileDraft);
        Assert.Equal(HttpStatusCode.OK, onceSubmitted.StatusCode);
        Assert.Equal(PaperStatus.Submitted, (await PapersClient.PaperOf(onceSubmitted)).Status);
    }

    [Fact]
    public async Task A_regulator_is_403_on_every_papers_route()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var regulator = app.ClientAs(Roles.Regulator, subject: "regulator-desk", regulator: Guid.CreateVersion7());
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        Assert.Equal(HttpStatusCode.OK, (await author.SubmitAsync(paper.Id)).StatusCode);
        var rowsBefore = await app.CountRowsAsync();

        var responses = new[]
        {
            await regulator.GetAsync("/api/papers"),
            await regulator.GetAsync($"/api/papers/{paper.Id}"),
            await regulator.PostAsync("/api/papers", PapersClient.Json(new { consultationId = consultation.Id, title = "T", summary = "S", body = "B" })),
            await regulator.EditAsync(paper.Id, PapersClient.Text("Regulator's edit")),
            await regulator.SubmitAsync(paper.Id),
            await regulator.WithdrawAsync(paper.Id),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
        Assert.Equal(PaperStatus.Submitted, (await app.FindPaperAsync(paper.Id)).Status);
    }
}

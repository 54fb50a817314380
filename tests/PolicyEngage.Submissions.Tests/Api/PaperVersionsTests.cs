using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary><c>GET /api/papers/{id}/versions</c>: every submitted text as it was frozen, never the working text.</summary>
public sealed class PaperVersionsTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Fact]
    public async Task Every_submitted_version_is_listed_oldest_first_as_frozen_and_the_edit_in_progress_never()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var reviewer = app.ClientAs(Roles.Reviewer, "globex", subject: "reviewer-1");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id, title: "First text");
        var first = await PapersClient.PaperOf(await author.SubmitAsync(paper.Id));
        await app.PublishAsync(ReviewEvents.Completed(consultation.Id, paper.Id, 1, ReviewOutcome.RequestChanges, first.ContentHash!));
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(paper.Id, PapersClient.Text("Second text"))).StatusCode);
        var second = await PapersClient.PaperOf(await author.SubmitAsync(paper.Id));
        await app.PublishAsync(ReviewEvents.Completed(consultation.Id, paper.Id, 2, ReviewOutcome.RequestChanges, second.ContentHash!));
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(paper.Id, PapersClient.Text("Private third draft"))).StatusCode);

        foreach (var reader in new[] { author, reviewer, app.ClientAs(Roles.LiaisonOfficer), app.ClientAs(Roles.Auditor) })
        {
            var response = await reader.GetAsync($"/api/papers/{paper.Id}/versions");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var versions = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
            Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
            Assert.Equal(["First text", "Second text"], versions.Select(v => v.GetProperty("title").GetString()));
            Assert.Equal([first.ContentHash, second.ContentHash], versions.Select(v => v.GetProperty("contentHash").GetString()));
            Assert.Equal(PaperEvents.ContentHashOf("Second text", versions[1].GetProperty("summary").GetString()!, versions[1].GetProperty("body").GetString()!),
                versions[1].GetProperty("contentHash").GetString());
            Assert.DoesNotContain("Private third draft", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_paper_never_submitted_has_no_versions_its_organisation_sees_and_is_404_to_everyone_else()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (draft, _) = await author.CreateAsync(consultation.Id, title: "A draft kept private");

        var own = await author.GetAsync($"/api/papers/{draft.Id}/versions");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("[]", await own.Content.ReadAsStringAsync());
        foreach (var other in new[] { app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author"), app.ClientAs(Roles.Reviewer, "globex", subject: "reviewer-1"), app.ClientAs(Roles.Auditor) })
        {
            var response = await other.GetAsync($"/api/papers/{draft.Id}/versions");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            Assert.DoesNotContain("kept private", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Another_organisations_submitted_paper_is_404_to_an_author_and_a_bad_id_is_400()
    {
        var acme = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await acme.CreateAsync(consultation.Id);
        await acme.SubmitAsync(paper.Id);

        await ProblemAssert.IsProblemAsync(await app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author").GetAsync($"/api/papers/{paper.Id}/versions"), HttpStatusCode.NotFound);
        await ProblemAssert.NamesFieldAsync(await acme.GetAsync("/api/papers/not-a-guid/versions"), HttpStatusCode.BadRequest, "id");
    }
}

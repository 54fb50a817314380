using System.Net;
using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Submissions.Tests.PaperList;

/// <summary>What a list item holds: the SPEC's fields only, the working copy for its authors, the latest submitted version for everyone else.</summary>
public sealed class PaperListItemTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    private static readonly string[] SpecFields = ["id", "consultationId", "organisation", "title", "summary", "status", "version", "contentHash", "updatedAt"];

    [Fact]
    public async Task An_item_has_exactly_the_spec_s_fields_with_no_body_and_no_reviews()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        await author.SubmitAsync(paper.Id);

        foreach (var reader in new[] { author, app.ClientAs(Roles.Reviewer, "globex", subject: "reviewer-1") })
        {
            var response = await reader.GetAsync($"/api/papers?consultationId={consultation.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var item = Assert.Single(list.RootElement.EnumerateArray().ToList());
            Assert.Equal(SpecFields.Order(), item.EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task A_reviewer_sees_the_latest_submitted_version_and_its_authors_the_edit_in_progress()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id, title: "First text");
        var first = await PapersClient.PaperOf(await author.SubmitAsync(paper.Id));
        await app.PublishAsync(ReviewEvents.Completed(consultation.Id, paper.Id, 1, ReviewOutcome.RequestChanges, first.ContentHash!));
        var second = await PapersClient.PaperOf(await author.SubmitAsync((await author.CreateAsync(consultation.Id, title: "Unchanged text")).Paper.Id));
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(paper.Id, PapersClient.Text("Private second draft"))).StatusCode);
        var working = (await author.ReadAsync(paper.Id)).Paper;
        var submittedAt = (await app.FindPaperAsync(paper.Id)).Versions.Single().SubmittedAt;

        foreach (var role in new[] { Roles.Reviewer, Roles.LiaisonOfficer, Roles.Auditor })
        {
            var (items, _) = await app.ClientAs(role, role == Roles.Reviewer ? "globex" : null, subject: "reader-1").ListAsync($"/api/papers?consultationId={consultation.Id}");
            Assert.Equal(
                [new PaperListItem(paper.Id, consultation.Id, "acme", "First text", first.Summary, PaperStatus.ChangesRequested, 1, first.ContentHash, submittedAt),
                 new PaperListItem(second.Id, consultation.Id, "acme", "Unchanged text", second.Summary, PaperStatus.Submitted, 1, second.ContentHash, second.UpdatedAt)],
                items);
        }
        var (own, _) = await author.ListAsync($"/api/papers?consultationId={consultation.Id}");
        Assert.Equal(
            [new PaperListItem(paper.Id, consultation.Id, "acme", "Private second draft", working.Summary, PaperStatus.ChangesRequested, 2, null, working.UpdatedAt),
             new PaperListItem(second.Id, consultation.Id, "acme", "Unchanged text", second.Summary, PaperStatus.Submitted, 1, second.ContentHash, second.UpdatedAt)],
            own);
    }
}

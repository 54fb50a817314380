using System.Net;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Submissions.Tests.Api;

public sealed class PaperETagTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    private const int RaceRounds = 20;

    [Fact]
    public async Task An_edit_with_the_current_ETag_succeeds_and_answers_a_new_ETag_that_GET_then_returns()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (created, createdETag) = await author.CreateAsync(consultation.Id);
        var (_, readETag) = await author.ReadAsync(created.Id);

        var edited = await author.EditAsync(created.Id, PapersClient.Text("Revised title"), ifMatch: readETag);

        Assert.Equal(createdETag, readETag);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var editedETag = PapersClient.ETagOf(edited);
        Assert.NotEqual(readETag, editedETag);
        Assert.Equal("Revised title", (await PapersClient.PaperOf(edited)).Title);
        var (reread, rereadETag) = await author.ReadAsync(created.Id);
        Assert.Equal(editedETag, rereadETag);
        Assert.Equal("Revised title", reread.Title);
    }

    [Fact]
    public async Task A_stale_ETag_is_412_for_edit_submit_and_withdraw_and_changes_nothing()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (created, staleETag) = await author.CreateAsync(consultation.Id);
        var current = await author.EditAsync(created.Id, PapersClient.Text("Second title"), ifMatch: staleETag);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var before = await app.FindPaperAsync(created.Id);
        var rowsBefore = await app.CountRowsAsync();

        var edit = await author.EditAsync(created.Id, PapersClient.Text("Overwritten"), ifMatch: staleETag);
        var submit = await author.SubmitAsync(created.Id, ifMatch: staleETag);
        var withdraw = await author.WithdrawAsync(created.Id, ifMatch: staleETag);

        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(submit, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(withdraw, HttpStatusCode.PreconditionFailed);
        var after = await app.FindPaperAsync(created.Id);
        Assert.Equal(
            (before.Title, before.Status, before.Version, before.Revision, before.UpdatedAt),
            (after.Title, after.Status, after.Version, after.Revision, after.UpdatedAt));
        Assert.Equal(("Second title", PaperStatus.Draft), (after.Title, after.Status));
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
        Assert.Equal(PapersClient.ETagOf(current), (await author.ReadAsync(created.Id)).ETag);
    }

    [Fact]
    public async Task An_ETag_in_another_shape_than_the_current_strong_one_is_stale()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (created, etag) = await author.CreateAsync(consultation.Id);

        var weak = await author.EditAsync(created.Id, PapersClient.Text("Weak"), ifMatch: "W/" + etag);
        var unquoted = await author.EditAsync(created.Id, PapersClient.Text("Unquoted"), ifMatch: etag.Trim('"'));

        await ProblemAssert.IsProblemAsync(weak, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(unquoted, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Privacy by default", (await app.FindPaperAsync(created.Id)).Title);
    }

    [Fact]
    public async Task Without_If_Match_the_last_write_wins()
    {
        var alice = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "alice");
        var bob = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "bob");
        var consultation = await app.OpenConsultationAsync();
        var (created, _) = await alice.CreateAsync(consultation.Id);

        var first = await alice.EditAsync(created.Id, PapersClient.Text("Alice's title"));
        var last = await bob.EditAsync(created.Id, PapersClient.Text("Bob's title"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("Bob's title", (await app.FindPaperAsync(created.Id)).Title);
    }

    [Fact]
    public async Task If_Match_star_is_accepted_for_edit_submit_and_withdraw()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (created, _) = await author.CreateAsync(consultation.Id);

        var edit = await author.EditAsync(created.Id, PapersClient.Text("Starred"), ifMatch: "*");
        var submit = await author.SubmitAsync(created.Id, ifMatch: "*");
        var withdraw = await author.WithdrawAsync(created.Id, ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        var stored = await app.FindPaperAsync(created.Id);
        Assert.Equal(("Starred", PaperStatus.Withdrawn), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task Two_editors_racing_with_the_same_ETag_get_one_200_and_one_412_and_the_winner_s_text_is_stored()
    {
        var alice = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "alice");
        var bob = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "bob");
        var consultation = await app.OpenConsultationAsync();
        var (created, _) = await alice.CreateAsync(consultation.Id);

        for (var round = 0; round < RaceRounds; round++)
        {
            var (_, aliceETag) = await alice.ReadAsync(created.Id);
            var (_, bobETag) = await bob.ReadAsync(created.Id);
            Assert.Equal(aliceETag, bobETag);
            var titles = new[] { $"Alice round {round}", $"Bob round {round}" };

            var responses = await Task.WhenAll(
                alice.EditAsync(created.Id, PapersClient.Text(titles[0]), ifMatch: aliceETag),
                bob.EditAsync(created.Id, PapersClient.Text(titles[1]), ifMatch: bobETag));

            var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
            Assert.True(statuses.Order().SequenceEqual([200, 412]), $"Round {round}: expected one 200 and one 412, got {await DescribeAsync(responses)}");
            var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(titles[winner], (await app.FindPaperAsync(created.Id)).Title);
        }
    }

    [Fact]
    public async Task Two_editors_racing_without_If_Match_both_succeed_and_one_of_their_texts_is_stored()
    {
        var alice = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "alice");
        var bob = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "bob");
        var consultation = await app.OpenConsultationAsync();
        var (created, _) = await alice.CreateAsync(consultation.Id);

        for (var round = 0; round < RaceRounds; round++)
        {
            var titles = new[] { $"Alice round {round}", $"Bob round {round}" };

            var responses = await Task.WhenAll(
                alice.EditAsync(created.Id, PapersClient.Text(titles[0])),
                bob.EditAsync(created.Id, PapersClient.Text(titles[1])));

            var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
            Assert.True(statuses.All(s => s == 200), $"Round {round}: expected two 200, got {await DescribeAsync(responses)}");
            Assert.Contains((await app.FindPaperAsync(created.Id)).Title, titles);
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage[] responses)
    {
        var described = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        return string.Join(" | ", described);
    }
    [Fact]
    public async Task A_reviewers_ETag_follows_what_the_reviewer_sees_a_new_version_or_a_decision_and_never_a_private_edit()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var reviewer = app.ClientAs(Roles.Reviewer, "globex", subject: "reviewer-1");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var first = await PapersClient.PaperOf(await author.SubmitAsync(paper.Id));
        var submitted = (await reviewer.ReadAsync(paper.Id)).ETag;

        await app.PublishAsync(ReviewEvents.Completed(consultation.Id, paper.Id, 1, ReviewOutcome.RequestChanges, first.ContentHash!));
        var sentBack = (await reviewer.ReadAsync(paper.Id)).ETag;
        var (_, authorsBefore) = await author.ReadAsync(paper.Id);
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(paper.Id, PapersClient.Text("A private rework"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(paper.Id, PapersClient.Text("Another private rework"))).StatusCode);
        var afterEdits = (await reviewer.ReadAsync(paper.Id)).ETag;
        await author.SubmitAsync(paper.Id);
        var resubmitted = (await reviewer.ReadAsync(paper.Id)).ETag;

        Assert.NotEqual(submitted, sentBack);
        Assert.NotEqual(authorsBefore, (await author.ReadAsync(paper.Id)).ETag);
        Assert.Equal(sentBack, afterEdits);
        Assert.NotEqual(afterEdits, resubmitted);
        Assert.Equal(resubmitted, (await app.ClientAs(Roles.Reviewer, "initech", subject: "reviewer-2").ReadAsync(paper.Id)).ETag);
    }
}

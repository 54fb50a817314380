using System.Net;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>SPEC's order: role 403, validation 400, existence and tenancy 404, If-Match 412, state 409.</summary>
public sealed class PaperCheckOrderTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    private const string StaleETag = "\"stale-revision\"";

    [Fact]
    public async Task Another_organisation_s_paper_with_a_stale_If_Match_is_404_not_412()
    {
        var acme = app.ClientAs(Roles.PolicyAuthor, "acme");
        var globex = app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await acme.CreateAsync(consultation.Id);

        await ProblemAssert.IsProblemAsync(await globex.EditAsync(paper.Id, PapersClient.Text("Hijacked"), StaleETag), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await globex.SubmitAsync(paper.Id, StaleETag), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await globex.WithdrawAsync(paper.Id, StaleETag), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Own_submitted_paper_with_a_stale_If_Match_is_412_before_the_state_s_409()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var submitted = await author.SubmitAsync(paper.Id);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var current = PapersClient.ETagOf(submitted);

        var staleEdit = await author.EditAsync(paper.Id, PapersClient.Text("Too late"), StaleETag);
        var staleResubmit = await author.SubmitAsync(paper.Id, StaleETag);
        // With the current ETag the same requests reach the state check: proof the paper's state really refuses them.
        var currentEdit = await author.EditAsync(paper.Id, PapersClient.Text("Too late"), current);
        var currentResubmit = await author.SubmitAsync(paper.Id, current);

        await ProblemAssert.IsProblemAsync(staleEdit, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(staleResubmit, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(currentEdit, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(currentResubmit, HttpStatusCode.Conflict);
        Assert.Equal(PaperStatus.Submitted, (await app.FindPaperAsync(paper.Id)).Status);
    }

    [Fact]
    public async Task Own_withdrawn_paper_with_a_stale_If_Match_is_412_before_the_state_s_409()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var withdrawn = await author.WithdrawAsync(paper.Id);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var current = PapersClient.ETagOf(withdrawn);

        await ProblemAssert.IsProblemAsync(await author.WithdrawAsync(paper.Id, StaleETag), HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(await author.WithdrawAsync(paper.Id, current), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_invalid_body_is_400_before_existence_tenancy_or_If_Match_is_looked_at()
    {
        var acme = app.ClientAs(Roles.PolicyAuthor, "acme");
        var globex = app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await acme.CreateAsync(consultation.Id);
        var tooLong = PapersClient.Text(new string('t', 201));

        var otherOrganisation = await globex.EditAsync(paper.Id, tooLong, StaleETag);
        var unknownPaper = await acme.EditAsync(Guid.CreateVersion7(), tooLong);
        var ownWithStaleETag = await acme.EditAsync(paper.Id, tooLong, StaleETag);

        await ProblemAssert.NamesFieldAsync(otherOrganisation, HttpStatusCode.BadRequest, "title");
        await ProblemAssert.NamesFieldAsync(unknownPaper, HttpStatusCode.BadRequest, "title");
        await ProblemAssert.NamesFieldAsync(ownWithStaleETag, HttpStatusCode.BadRequest, "title");
    }

    [Fact]
    public async Task A_wrong_role_is_403_before_the_body_is_validated()
    {
        var reviewer = app.ClientAs(Roles.Reviewer, "globex");

        var create = await reviewer.PostAsync("/api/papers", PapersClient.Raw("not json"));
        var edit = await reviewer.EditAsync(Guid.CreateVersion7().ToString(), PapersClient.Raw("not json"));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task Anonymous_is_401_before_anything_else()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/papers", PapersClient.Raw("not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/papers/not-a-guid")).StatusCode);
    }
}

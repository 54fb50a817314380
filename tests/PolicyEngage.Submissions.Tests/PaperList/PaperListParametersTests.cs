using System.Net;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.PaperList;

/// <summary>A bad <c>limit</c> or an <c>after</c> that names no paper the caller sees is a 400 naming it, and tells nothing.</summary>
public sealed class PaperListParametersTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task A_limit_that_is_not_one_to_a_thousand_is_a_400_naming_limit(string limit)
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");

        await ProblemAssert.NamesFieldAsync(await author.GetAsync($"/api/papers?limit={limit}"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_malformed_after_or_consultation_id_is_a_400_naming_it()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");

        await ProblemAssert.NamesFieldAsync(await author.GetAsync("/api/papers?after=not-a-guid"), HttpStatusCode.BadRequest, "after");
        await ProblemAssert.NamesFieldAsync(await author.GetAsync("/api/papers?consultationId=12345"), HttpStatusCode.BadRequest, "consultationId");
    }

    [Fact]
    public async Task An_after_naming_an_unknown_paper_or_another_organisation_s_is_a_400_naming_after_that_reveals_nothing()
    {
        var acme = app.ClientAs(Roles.PolicyAuthor, "acme");
        var globex = app.ClientAs(Roles.PolicyAuthor, "globex", subject: "globex-author");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await acme.CreateAsync(consultation.Id, title: "Acme's confidential position");
        await acme.SubmitAsync(paper.Id);
        var rowsBefore = await app.CountRowsAsync();

        foreach (var after in new[] { Guid.CreateVersion7(), paper.Id })
        {
            var response = await globex.GetAsync($"/api/papers?after={after}");
            await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, "after");
            Assert.DoesNotContain("confidential", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
    }

    [Theory]
    [InlineData(Roles.Reviewer, "globex")]
    [InlineData(Roles.LiaisonOfficer, null)]
    [InlineData(Roles.Auditor, null)]
    public async Task An_after_naming_a_draft_never_submitted_is_a_400_naming_after_to_everyone_outside_its_organisation(string role, string? organisation)
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var reader = app.ClientAs(role, organisation, subject: "reader-1");
        var consultation = await app.OpenConsultationAsync();
        var (draft, _) = await author.CreateAsync(consultation.Id, title: "Private draft text");

        var response = await reader.GetAsync($"/api/papers?after={draft.Id}");

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, "after");
        Assert.DoesNotContain("Private draft text", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/api/papers?after={draft.Id}")).StatusCode);
    }
}

using System.Net;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Submissions.Tests.PaperList;

/// <summary>A list never loads bodies it does not return (SPEC): what the endpoint asks the database, read off the wire.</summary>
public sealed class PaperListQueryTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Theory]
    [InlineData(Roles.PolicyAuthor, "acme")]
    [InlineData(Roles.Reviewer, "globex")]
    public async Task A_list_page_reads_no_body_joins_no_body_table_and_reads_no_review(string role, string organisation)
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        await author.SubmitAsync(paper.Id);
        var commands = new SqlRecorder();
        await using var recorded = app.RecordingSql(commands);
        var reader = recorded.CreateClient();
        reader.DefaultRequestHeaders.Authorization = app.ClientAs(role, organisation).DefaultRequestHeaders.Authorization;

        var response = await reader.GetAsync($"/api/papers?consultationId={consultation.Id}&after={paper.Id}&limit=5");
        var first = await reader.GetAsync($"/api/papers?consultationId={consultation.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(paper.Id.ToString(), await first.Content.ReadAsStringAsync());
        var papers = commands.Texts.Where(sql => sql.Contains("\"Papers\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(papers);
        Assert.All(papers, sql =>
        {
            Assert.DoesNotContain("Body", sql, StringComparison.Ordinal);
            // The bodies' tables by their stored names, literals: not even a join to a body's row.
            Assert.DoesNotContain("PaperBodies", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("PaperVersionBodies", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("PaperReview", sql, StringComparison.Ordinal);
        });
    }
}

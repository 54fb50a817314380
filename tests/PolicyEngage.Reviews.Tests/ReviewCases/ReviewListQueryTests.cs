using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests.ReviewCases;

/// <summary>A list never loads bodies it does not return (SPEC), nor walks past them: bodies live in a table of their own.</summary>
public sealed class ReviewListQueryTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_page_of_review_cases_reads_neither_a_body_column_nor_the_bodies_table_and_one_case_still_reads_whole()
    {
        var consultation = Guid.CreateVersion7();
        var reviewCase = await app.OpenCaseAsync(consultationId: consultation);
        var sql = new SqlRecorder();
        await using var recorded = app.RecordingSql(sql);
        var auditor = recorded.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = app.ClientAs(Roles.Auditor).DefaultRequestHeaders.Authorization;

        var page = await auditor.GetAsync($"/api/reviews?consultationId={consultation}&status=Open&limit=5");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(reviewCase.Id.ToString(), await page.Content.ReadAsStringAsync());
        var lists = sql.Texts.Where(text => text.Contains("\"ReviewCases\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, text => Assert.DoesNotContain("Body", text, StringComparison.Ordinal));
        var whole = await app.ReadAsync(db => db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == reviewCase.Id));
        Assert.Equal(reviewCase.Body, whole.Body);
    }
}

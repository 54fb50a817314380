using System.Net;
using System.Net.Http.Json;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Reviews.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.Reviews.Tests.ReviewCases;

/// <summary><c>GET /api/reviews</c> a page at a time (SPEC, "HTTP API", lists), each test in a consultation of its own.</summary>
public sealed class ReviewListPagingTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task Following_the_next_links_visits_every_case_once_in_creation_order_while_cases_open_between_pages()
    {
        var consultation = Guid.CreateVersion7();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++) created.Add((await app.OpenCaseAsync(organisation: $"org-{i % 3}", consultationId: consultation)).Id);
        var auditor = app.ClientAs(Roles.Auditor);

        var links = new List<string>();
        var seen = await ListPages.FollowAsync(auditor, $"/api/reviews?consultationId={consultation}&limit=2", async _ =>
        {
            // One case opens in the consultation, one elsewhere, between every two pages.
            if (created.Count >= 9) return;
            created.Add((await app.OpenCaseAsync(organisation: "org-late", consultationId: consultation)).Id);
            await app.OpenCaseAsync(organisation: "org-late");
        }, links);

        Assert.Equal(created, seen);
        Assert.All(links, link => Assert.StartsWith($"/api/reviews?consultationId={consultation}&after=", link));
        Assert.All(links, link => Assert.EndsWith("&limit=2", link));
    }

    [Fact]
    public async Task A_reviewer_never_meets_its_own_organisations_cases_on_any_page_or_filter()
    {
        var consultation = Guid.CreateVersion7();
        var cases = new List<ReviewCase>();
        foreach (var organisation in new[] { "acme", "globex", "acme", "initech", "acme", "globex" })
            cases.Add(await app.OpenCaseAsync(organisation: organisation, consultationId: consultation));
        var reviewer = app.ClientAs(Roles.Reviewer, "acme");

        var seen = await ListPages.FollowAsync(reviewer, $"/api/reviews?consultationId={consultation}&limit=1", _ => Task.CompletedTask);
        var ofOwnPaper = await reviewer.GetFromJsonAsync<List<ReviewCaseSummary>>($"/api/reviews?paperId={cases[0].PaperId}", JsonDefaults.Options);
        var afterOwnCase = await reviewer.GetAsync($"/api/reviews?consultationId={consultation}&after={cases[0].Id}");

        Assert.Equal(cases.Where(c => c.Organisation != "acme").Select(c => c.Id), seen);
        Assert.Empty(ofOwnPaper!);
        await ProblemAssert.NamesFieldAsync(afterOwnCase, HttpStatusCode.BadRequest, "after");
    }

    [Fact]
    public async Task The_filters_combine_and_the_last_page_has_no_link_and_a_page_past_the_end_is_empty()
    {
        var consultation = Guid.CreateVersion7();
        var open = await app.OpenCaseAsync(consultationId: consultation);
        var withdrawn = await app.OpenCaseAsync(consultationId: consultation, withdrawn: true);
        await app.OpenCaseAsync(withdrawn: true);
        var auditor = app.ClientAs(Roles.Auditor);

        var page = await auditor.GetAsync($"/api/reviews?consultationId={consultation}&status=Withdrawn&limit=1");
        var ofPaper = await auditor.GetFromJsonAsync<List<ReviewCaseSummary>>($"/api/reviews?paperId={open.PaperId}&consultationId={consultation}", JsonDefaults.Options);
        var pastTheEnd = await auditor.GetAsync($"/api/reviews?consultationId={consultation}&after={withdrawn.Id}");

        Assert.Equal([withdrawn.Id], (await page.Content.ReadFromJsonAsync<List<ReviewCaseSummary>>(JsonDefaults.Options))!.Select(c => c.Id));
        Assert.Null(NextLink.Of(page));
        Assert.Equal([open.Id], ofPaper!.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.OK, pastTheEnd.StatusCode);
        Assert.Equal("[]", await pastTheEnd.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("after=not-a-guid", "after")]
    [InlineData("after=00000000-0000-0000-0000-000000000001", "after")]
    public async Task A_bad_limit_or_an_unknown_cursor_is_a_400_naming_it(string query, string field)
    {
        var response = await app.ClientAs(Roles.Reviewer, "globex").GetAsync($"/api/reviews?{query}");

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("limit=1.5", "limit", "'limit' must be one whole number.")]
    [InlineData("limit=1&limit=2", "limit", "'limit' must be one whole number.")]
    [InlineData("limit=", "limit", "'limit' must be one whole number.")]
    [InlineData("after=page-2", "after", "'after' is malformed (ids are GUIDs).")]
    public async Task A_parameter_of_the_wrong_shape_is_named_with_what_it_must_be(string query, string field, string error)
    {
        var response = await app.ClientAs(Roles.Auditor).GetAsync($"/api/reviews?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([error], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }
}

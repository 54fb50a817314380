using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.Submissions.Tests.PaperList;

/// <summary><c>GET /api/papers</c> by pages: creation order, a next Link while more remain, every paper once.</summary>
public sealed class PaperListPagingTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Fact]
    public async Task Following_the_links_visits_every_paper_once_in_creation_order_while_papers_are_added_between_pages()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "paging-org");
        var (consultation, elsewhere) = (await app.OpenConsultationAsync(), await app.OpenConsultationAsync());
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await author.CreateAsync(consultation.Id, title: $"Existing {i}")).Paper.Id);
            await author.CreateAsync(elsewhere.Id, title: $"Another consultation's {i}");
        }
        var added = 0;

        var seen = await ListPages.FollowAsync(author, $"/api/papers?consultationId={consultation.Id}&limit=3", async _ =>
        {
            // Two more after each of the first four pages: the list grows behind the cursor as it is read.
            if (added >= 8) return;
            for (var i = 0; i < 2; i++, added++) created.Add((await author.CreateAsync(consultation.Id, title: $"Added {added}")).Paper.Id);
        });

        Assert.Equal(15, created.Count);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task The_next_link_is_relative_keeps_the_filter_names_the_last_paper_and_the_limit_and_the_last_page_has_none()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "link-org");
        var consultation = await app.OpenConsultationAsync();
        var papers = new List<Guid>();
        for (var i = 0; i < 3; i++) papers.Add((await author.CreateAsync(consultation.Id)).Paper.Id);

        var (first, next) = await author.ListAsync($"/api/papers?consultationId={consultation.Id}&limit=2");

        Assert.Equal(papers[..2], first.Select(p => p.Id));
        Assert.NotNull(next);
        Assert.StartsWith("/api/papers?", next);
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://relative"), next).Query);
        Assert.Equal(consultation.Id.ToString(), query["consultationId"]);
        Assert.Equal(papers[1].ToString(), query["after"]);
        Assert.Equal("2", query["limit"]);
        var (last, none) = await author.ListAsync(next);
        Assert.Equal([papers[2]], last.Select(p => p.Id));
        Assert.Null(none);
    }

    [Fact]
    public async Task A_page_after_the_last_paper_is_an_empty_list()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "end-org");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);

        var response = await author.GetAsync($"/api/papers?consultationId={consultation.Id}&after={paper.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_a_thousand_papers()
    {
        var consultation = await app.OpenConsultationAsync();
        var papers = Enumerable.Range(0, 1001)
            .Select(i => Paper.Draft(consultation, "thousand-org", PaperScenario.FirstText, "author-1", DateTime.UtcNow))
            .ToList();
        // Straight through the context, one save: a thousand creations over HTTP would only slow the test.
        await app.WriteAsync(db => db.Papers.AddRange(papers));
        var author = app.ClientAs(Roles.PolicyAuthor, "thousand-org");

        var (first, next) = await author.ListAsync("/api/papers");

        Assert.Equal(papers.Take(1000).Select(p => p.Id), first.Select(p => p.Id));
        Assert.NotNull(next);
        Assert.Contains("limit=1000", next);
        var (rest, none) = await author.ListAsync(next);
        Assert.Equal([papers[^1].Id], rest.Select(p => p.Id));
        Assert.Null(none);
    }
}

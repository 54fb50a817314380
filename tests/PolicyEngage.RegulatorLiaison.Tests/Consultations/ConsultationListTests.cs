using System.Net;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.RegulatorLiaison.Tests.Consultations;

/// <summary><c>GET /api/consultations</c> pages in the order consultations were opened (SPEC, "HTTP API"), for any signed-in role.</summary>
public sealed class ConsultationListTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private HttpClient Author => app.ClientAs(Roles.PolicyAuthor, organisation: "acme");

    private async Task<List<Guid>> OpenAsync(int count, string reference)
    {
        var regulatorId = await app.RegisterRegulatorAsync();
        var opened = new List<Guid>();
        for (var i = 0; i < count; i++) opened.Add(await app.OpenConsultationAsync(regulatorId, $"{reference}-{i}"));
        return opened;
    }

    [Fact]
    public async Task Paging_meets_every_consultation_once_in_the_order_opened_while_more_are_opened()
    {
        await OpenAsync(3, "BEFORE");
        var before = await ListPages.IdsAsync(await Author.GetAsync("/api/consultations"));
        var opened = new List<Guid>();

        var seen = await ListPages.FollowAsync(Author, "/api/consultations?limit=2", async pages =>
        {
            // Two for each page of two read: the reader is always behind, and meets each once all the same.
            if (pages <= 3) opened.AddRange(await OpenAsync(2, $"MEANWHILE-{pages}"));
        });

        Assert.Equal(before.Concat(opened), seen);
        Assert.Equal(6, opened.Count);
    }

    [Fact]
    public async Task A_page_links_the_next_by_a_relative_reference_to_its_last_id_and_the_last_page_links_none()
    {
        var linked = await OpenAsync(3, "LINKED");

        await ListPages.AssertLinksAsync(Author, "/api/consultations", linked);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("after=00000000-0000-0000-0000-000000000001", "after")]
    [InlineData("after=not-an-id", "after")]
    public async Task A_bad_limit_or_a_cursor_naming_no_consultation_is_a_problem_naming_it(string query, string field)
    {
        await OpenAsync(1, "REFUSED");

        using var response = await Author.GetAsync($"/api/consultations?{query}");

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Null(NextLink.Of(response));
    }
}

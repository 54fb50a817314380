using System.Net;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.RegulatorLiaison.Tests.Regulators;

/// <summary><c>GET /api/regulators</c> pages in the order regulators were registered (SPEC, "HTTP API").</summary>
public sealed class RegulatorListTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private HttpClient Auditor => app.ClientAs(Roles.Auditor);

    [Fact]
    public async Task Paging_meets_every_regulator_once_in_the_order_registered_while_more_are_registered()
    {
        for (var i = 0; i < 3; i++) await app.RegisterRegulatorAsync($"Before {i}");
        var before = await ListPages.IdsAsync(await Auditor.GetAsync("/api/regulators"));
        var registered = new List<Guid>();

        var seen = await ListPages.FollowAsync(Auditor, "/api/regulators?limit=2", async pages =>
        {
            // Two for each page of two read: the reader is always behind, and meets each once all the same.
            if (pages > 3) return;
            registered.Add(await app.RegisterRegulatorAsync($"Meanwhile {pages}a"));
            registered.Add(await app.RegisterRegulatorAsync($"Meanwhile {pages}b"));
        });

        Assert.Equal(before.Concat(registered), seen);
        Assert.Equal(6, registered.Count);
    }

    [Fact]
    public async Task A_page_links_the_next_by_a_relative_reference_to_its_last_id_and_the_last_page_links_none()
    {
        var linked = new List<Guid>();
        for (var i = 0; i < 3; i++) linked.Add(await app.RegisterRegulatorAsync($"Linked {i}"));

        await ListPages.AssertLinksAsync(Auditor, "/api/regulators", linked);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("after=00000000-0000-0000-0000-000000000001", "after")]
    [InlineData("after=not-an-id", "after")]
    public async Task A_bad_limit_or_a_cursor_naming_no_regulator_is_a_problem_naming_it(string query, string field)
    {
        await app.RegisterRegulatorAsync();

        using var response = await Auditor.GetAsync($"/api/regulators?{query}");

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Null(NextLink.Of(response));
    }
}

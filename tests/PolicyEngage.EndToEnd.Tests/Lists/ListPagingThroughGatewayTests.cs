using System.Net;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.EndToEnd.Tests.Lists;

/// <summary>
/// Lists paged through the real gateway, as a client follows them: the next link as sent, relative to the gateway,
/// keeping the filter, while papers keep arriving.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ListPagingThroughGatewayTests(RunningSystem system)
{
    private readonly ApiClient _api = system.Client();

    [Fact]
    public async Task Papers_and_their_review_cases_page_through_the_gateway_each_once_in_creation_order_while_more_arrive()
    {
        var liaison = await _api.SignInAsync("paging-liaison", "LiaisonOfficer");
        var author = await _api.SignInAsync("paging-author", "PolicyAuthor", org: "paging-org");
        var reviewer = await _api.SignInAsync("paging-reviewer", "Reviewer", org: "paging-reviewers");
        var consultationId = await OpenConsultationAsync(liaison, await RegisterRegulatorAsync(liaison, "Paging regulator"), "PAGING-1");
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++) created.Add(await SubmitNewPaperAsync(author, consultationId, $"Paged paper {i}"));

        var seen = new List<Guid>();
        var next = $"/api/papers?consultationId={consultationId}&limit=2";
        while (true)
        {
            var page = (await author.GetAsync(next)).Expect(HttpStatusCode.OK);
            seen.AddRange(page.Json.AsArray().Select(p => Id(p!)));
            if (NextLink.Of(page) is not { } link) break;
            Assert.StartsWith($"/api/papers?consultationId={consultationId}&after=", link);
            next = link;
            if (created.Count < 8) created.Add(await SubmitNewPaperAsync(author, consultationId, $"Paged paper {created.Count}"));
        }
        Assert.Equal(created, seen);

        // Each submission opens its case an event away.
        var cases = await reviewer.EventuallyAsync(() => AllPagesAsync(reviewer, $"/api/reviews?consultationId={consultationId}&limit=3"),
            all => all.Status == HttpStatusCode.OK && all.Json.AsArray().Count == created.Count, "a review case for every paper");
        Assert.Equal(created.Order(), cases.Json.AsArray().Select(c => c!["paperId"]!.GetValue<Guid>()).Order());
    }

    [Theory]
    [InlineData("/api/papers?limit=0", "limit")]
    [InlineData("/api/reviews?limit=1001", "limit")]
    [InlineData("/api/consultations?after=00000000-0000-0000-0000-000000000001", "after")]
    public async Task A_bad_page_asked_through_the_gateway_is_a_400_naming_its_parameter(string path, string parameter)
    {
        var auditor = await _api.SignInAsync("paging-auditor", "Auditor");

        var answer = (await auditor.GetAsync(path)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.Json["errors"]![parameter]);
    }

    private static async Task<Guid> SubmitNewPaperAsync(Caller author, Guid consultationId, string title)
    {
        var paperId = Id(await CreatePaperAsync(author, consultationId, title));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        return paperId;
    }

    /// <summary>Every page from <paramref name="first"/> on, as one answer: the last page's status, all pages' items.</summary>
    private static async Task<Response> AllPagesAsync(Caller caller, string first)
    {
        var items = new System.Text.Json.Nodes.JsonArray();
        var page = await caller.GetAsync(first);
        while (true)
        {
            if (page.Status != HttpStatusCode.OK) return page;
            foreach (var item in page.Json.AsArray()) items.Add(item!.DeepClone());
            if (NextLink.Of(page) is not { } next) return page with { Body = items };
            page = await caller.GetAsync(next);
        }
    }
}

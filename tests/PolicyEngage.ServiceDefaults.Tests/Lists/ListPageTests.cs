using Microsoft.AspNetCore.Http;
using PolicyEngage.ServiceDefaults.Lists;

namespace PolicyEngage.ServiceDefaults.Tests.Lists;

public sealed class ListPageTests
{
    [Theory]
    [InlineData(null, 1000)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    public void A_limit_from_one_to_a_thousand_is_the_page_size_and_none_is_a_thousand(int? limit, int expected)
    {
        Assert.True(ListPage.TryParse(limit, out var page, out var problem));
        Assert.Null(problem);
        Assert.Equal(expected, page.Limit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_limit_outside_one_to_a_thousand_is_a_problem_naming_limit(int limit)
    {
        Assert.False(ListPage.TryParse(limit, out _, out var problem));
        Assert.Contains("limit", problem!.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void The_next_link_is_relative_keeps_the_filters_and_replaces_after_and_limit()
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = "/base";
        http.Request.Path = "/api/reviews";
        http.Request.QueryString = new QueryString("?status=Open&after=old&consultationId=c%201&limit=7&paperId=p&paperId=q");
        var page = new ListPage(2);

        var rows = page.Finish(["a", "b", "c"], row => row, http);

        Assert.Equal(["a", "b"], rows);
        Assert.Equal("</base/api/reviews?status=Open&consultationId=c%201&paperId=p&paperId=q&after=b&limit=2>; rel=\"next\"", http.Response.Headers.Link.ToString());
    }

    [Fact]
    public void The_last_page_has_no_next_link()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/papers";

        Assert.Equal(["a", "b"], new ListPage(2).Finish(["a", "b"], row => row, http));
        Assert.False(http.Response.Headers.ContainsKey("Link"));
    }
}

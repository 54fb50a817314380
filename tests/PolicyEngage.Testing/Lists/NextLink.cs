using Xunit;

namespace PolicyEngage.Testing.Lists;

/// <summary>The next page a list names (SPEC, "HTTP API": <c>Link: &lt;…&gt;; rel="next"</c>, a relative reference).</summary>
public static class NextLink
{
    /// <summary>The link's target exactly as sent, or null on the last page; anything else in the header fails the test.</summary>
    public static string? Of(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? TargetOf(Assert.Single(values)) : null;

    public static string? Of(Response response) => response.Link is { } link ? TargetOf(link) : null;

    private static string TargetOf(string link)
    {
        Assert.Matches("^<[^>]+>; rel=\"next\"$", link);
        var target = link[1..link.IndexOf('>')];
        Assert.True(target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal), $"The next link is not a path-absolute relative reference: {link}");
        return target;
    }
}

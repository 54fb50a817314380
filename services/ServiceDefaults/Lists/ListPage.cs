using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.ServiceDefaults.Lists;

/// <summary>
/// A page of a list (SPEC, "HTTP API"): <c>?limit=</c> 1-1000 items (1000 unless given) after the cursor <c>?after=</c>;
/// while more remain, <c>Link: &lt;…?after=…&amp;limit=…&gt;; rel="next"</c>, a relative reference keeping the request's
/// other parameters (its filters).
/// </summary>
public sealed record ListPage(int Limit)
{
    public const int MaxLimit = 1000;

    public static bool TryParse(int? limit, out ListPage page, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        page = new ListPage(limit ?? MaxLimit);
        problem = limit is < 1 or > MaxLimit ? Problems.Invalid("limit", $"A page holds 1 to {MaxLimit} items.") : null;
        return problem is null;
    }

    /// <summary>One row more than the page holds is read: it tells whether a next page exists.</summary>
    public int Probe => Limit + 1;

    /// <summary>Cuts the probe row and, when there was one, names the next page in a <c>Link</c> header.</summary>
    public List<T> Finish<T>(List<T> rows, Func<T, string> cursorOf, HttpContext http)
    {
        if (rows.Count <= Limit) return rows;
        rows.RemoveRange(Limit, rows.Count - Limit);
        http.Response.Headers.Link = NextLink(http.Request, cursorOf(rows[^1]));
        return rows;
    }

    public string NextLink(HttpRequest request, string after)
    {
        var query = request.Query
            .Where(parameter => parameter.Key is not ("after" or "limit"))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)))
            .Append(KeyValuePair.Create("after", (string?)after))
            .Append(KeyValuePair.Create("limit", (string?)Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"<{QueryHelpers.AddQueryString((request.PathBase + request.Path).ToString(), query)}>; rel=\"next\"";
    }
}

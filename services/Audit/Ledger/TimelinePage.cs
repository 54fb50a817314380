using Microsoft.AspNetCore.Http.HttpResults;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// A page of a timeline (SPEC, "HTTP API"): <c>?limit=</c> 1-1000 (1000 unless given) entries after the entry of
/// sequence <c>?after=</c>, in sequence order; a <c>Link: &lt;…&gt;; rel="next"</c> names the next page while more remain.
/// </summary>
public sealed record TimelinePage(long? After, int Limit)
{
    public const int MaxLimit = 1000;

    public static bool TryParse(long? after, int? limit, out TimelinePage page, out ValidationProblem? problem)
    {
        page = new TimelinePage(after, limit ?? MaxLimit);
        problem = limit is < 1 or > MaxLimit ? Problems.Invalid("limit", $"A page holds 1 to {MaxLimit} entries.")
            : after is < 1 ? Problems.Invalid("after", "after is the sequence of the last entry of the page before, at least 1.")
            : null;
        return problem is null;
    }

    /// <summary>A relative reference to the page after <paramref name="lastSequence"/>, as the SPEC's Link header gives it.</summary>
    public string NextLink(PathString path, long lastSequence) => $"<{path}?after={lastSequence}&limit={Limit}>; rel=\"next\"";
}

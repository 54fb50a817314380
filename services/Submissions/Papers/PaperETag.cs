using Microsoft.Net.Http.Headers;

namespace PolicyEngage.Submissions.Papers;

/// <summary>The paper's revision as a strong ETag, and the <c>If-Match</c> check that guards edits.</summary>
internal static class PaperETag
{
    public static string Of(Paper paper) => $"\"{paper.Revision}\"";

    /// <summary>No <c>If-Match</c> means last write wins; otherwise one of the listed tags must be current.</summary>
    public static bool Matches(HttpRequest request, Paper paper)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0) return true;
        if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags)) return false;
        var current = new EntityTagHeaderValue(Of(paper));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true));
    }

    /// <summary>True when the caller named revisions it expects (anything but no header or <c>*</c>).</summary>
    public static bool NamesRevision(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch.ToString().Trim() != "*";

    public static void Write(HttpResponse response, Paper paper) => response.Headers.ETag = Of(paper);
}

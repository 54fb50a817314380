using Microsoft.Net.Http.Headers;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Submissions.Papers;

/// <summary>
/// The paper's revision as a strong ETag, and the <c>If-Match</c> check that guards edits. Those who do not write the
/// paper get a tag of what they are shown instead (<see cref="WriteOfView"/>): the revision moves with every private
/// edit of the working text, which must not tell a reviewer that the author is at work.
/// </summary>
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

    /// <summary>A tag derived from the representation itself: it changes with a new version, a decision or a reservation, and only then.</summary>
    public static void WriteOfView(HttpResponse response, PaperResponse view) =>
        response.Headers.ETag = $"\"v-{Sha256Hex.OfCanonicalJson(view)[..32]}\"";
}

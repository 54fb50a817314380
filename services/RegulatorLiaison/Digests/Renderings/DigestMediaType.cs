using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

public enum DigestFormat
{
    Json,
    Html,
    Markdown,
    Pdf,
}

/// <summary>
/// Proactive content negotiation for a digest (RFC 9110 §12.5.1). Each format offered takes the q-value of the most
/// specific media range that matches it (<c>text/html</c> over <c>text/*</c> over <c>*/*</c>); the highest q-value
/// above zero wins, and equal q-values go to the server's preference JSON, HTML, Markdown, PDF, so <c>*/*</c> and
/// <c>application/*</c> give JSON and <c>text/*</c> gives HTML. A media range that does not parse, or whose q-value is
/// not one RFC 9110 allows, is ignored, as servers commonly do; a header with nothing left, like no header, gives JSON.
/// </summary>
public static partial class DigestMediaType
{
    // In the server's order of preference.
    private static readonly (DigestFormat Format, MediaTypeHeaderValue Type)[] Offered =
    [
        (DigestFormat.Json, MediaTypeHeaderValue.Parse("application/json; charset=utf-8")),
        (DigestFormat.Html, MediaTypeHeaderValue.Parse("text/html; charset=utf-8")),
        (DigestFormat.Markdown, MediaTypeHeaderValue.Parse("text/markdown; charset=utf-8")),
        (DigestFormat.Pdf, MediaTypeHeaderValue.Parse("application/pdf")),
    ];

    /// <summary>The <c>Content-Type</c> of a format's answer.</summary>
    public static string ContentType(DigestFormat format) => Offered.Single(o => o.Format == format).Type.ToString();

    /// <summary>The format to answer with, or null when the caller accepts none of them (406).</summary>
    /// <param name="accept">The request's <c>Accept</c> header, its field lines joined by commas (as <c>StringValues</c> prints them).</param>
    public static DigestFormat? Choose(string? accept)
    {
        var ranges = Ranges(accept);
        if (ranges.Count == 0) return DigestFormat.Json;

        DigestFormat? chosen = null;
        var best = 0.0;
        foreach (var (format, type) in Offered)
        {
            var quality = QualityOf(type, ranges);
            if (quality > best) (chosen, best) = (format, quality);
        }
        return chosen;
    }

    private static double QualityOf(MediaTypeHeaderValue offered, IReadOnlyList<MediaRange> ranges)
    {
        var matching = ranges.Select(r => (Range: r, Specificity: r.SpecificityFor(offered))).Where(m => m.Specificity >= 0).ToList();
        if (matching.Count == 0) return 0;
        var specificity = matching.Max(m => m.Specificity);
        // RFC 9110 does not say which of two equally specific ranges counts; the more generous one does here.
        return matching.Where(m => m.Specificity == specificity).Max(m => m.Range.Quality);
    }

    private static List<MediaRange> Ranges(string? accept)
    {
        var ranges = new List<MediaRange>();
        if (string.IsNullOrWhiteSpace(accept)) return ranges;
        foreach (var item in ListItems(accept))
            if (MediaRange.TryParse(item) is { } range) ranges.Add(range);
        return ranges;
    }

    /// <summary>Splits a header list at its commas, except those inside a quoted string (a parameter's value may hold one).</summary>
    private static IEnumerable<string> ListItems(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (quoted && header[i] == '\\') i++;
            else if (header[i] == '"') quoted = !quoted;
            else if (header[i] == ',' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }
        yield return header[start..];
    }

    private sealed record MediaRange(MediaTypeHeaderValue Value, IReadOnlyList<NameValueHeaderValue> Parameters, double Quality)
    {
        public static MediaRange? TryParse(string item)
        {
            if (string.IsNullOrWhiteSpace(item) || !MediaTypeHeaderValue.TryParse(item.Trim(), out var value)) return null;
            if (value.Type == "*" && value.SubType != "*") return null;

            // Parameters after q are accept-extensions, which take no part in matching.
            var parameters = value.Parameters.TakeWhile(p => !IsQuality(p)).ToList();
            var q = value.Parameters.FirstOrDefault(IsQuality);
            if (q is null) return new MediaRange(value, parameters, 1);
            return QValue().IsMatch(q.Value.Value ?? "")
                ? new MediaRange(value, parameters, double.Parse(q.Value.Value!, CultureInfo.InvariantCulture))
                : null;
        }

        /// <summary>How specifically this range names the offered type, or -1 when it does not match it.</summary>
        public int SpecificityFor(MediaTypeHeaderValue offered)
        {
            var specificity = Value.MatchesAllTypes ? 0
                : !Value.Type.Equals(offered.Type, StringComparison.OrdinalIgnoreCase) ? -1
                : Value.MatchesAllSubTypes ? 1
                : Value.SubType.Equals(offered.SubType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity < 0 || !Parameters.All(p => Offers(offered, p))) return -1;
            return specificity + Parameters.Count;
        }

        private static bool Offers(MediaTypeHeaderValue offered, NameValueHeaderValue wanted) =>
            offered.Parameters.Any(p =>
                p.Name.Equals(wanted.Name, StringComparison.OrdinalIgnoreCase) &&
                HeaderUtilities.RemoveQuotes(p.Value).Equals(HeaderUtilities.RemoveQuotes(wanted.Value), StringComparison.OrdinalIgnoreCase));

        private static bool IsQuality(NameValueHeaderValue parameter) => parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase);
    }

    // RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    [GeneratedRegex(@"^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$")]
    private static partial Regex QValue();
}

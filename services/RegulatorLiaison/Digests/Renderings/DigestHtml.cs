using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>
/// A digest as one self-contained HTML page: inline CSS only, no script, nothing fetched. Every text is HTML-encoded,
/// and its Content-Security-Policy allows only the page's own stylesheet, so even a fault in the encoding could not run
/// or load anything.
/// </summary>
public static class DigestHtml
{
    // Leaves letters of every script as they are (CJK text stays readable in the source); markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { margin: 2rem auto; max-width: 52rem; padding: 0 1rem; line-height: 1.5; color: #1a1a1a;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC",
            "Noto Sans CJK JP", "Noto Sans CJK KR", "Source Han Sans", "PingFang SC", "Hiragino Sans", "Microsoft YaHei",
            "Yu Gothic", "Malgun Gothic", "Apple SD Gothic Neo", "Droid Sans Fallback", sans-serif; }
        .reference { color: #555; margin: 0; }
        h1 { margin-top: 0.2rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dt { color: #555; }
        dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 1rem 0.2rem 0; text-align: left; }
        td.count { text-align: right; }
        article { border-top: 1px solid #ccc; margin-top: 1.5rem; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: 0.5rem; }
        .note { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        """;

    /// <summary>The page's policy, also right for a <c>Content-Security-Policy</c> header (which may add <c>frame-ancestors</c>).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'";

    public static string Render(DigestReading reading)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Encode(ContentSecurityPolicy)).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(ReadingFacts.Heading(reading))).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<header>\n<p class=\"reference\">").Append(Encode(reading.ConsultationReference)).Append("</p>\n")
            .Append("<h1>").Append(Encode(reading.ConsultationTitle)).Append("</h1>\n");
        Particulars(html, ReadingFacts.Particulars(reading));
        html.Append("</header>\n");

        html.Append("<section id=\"statistics\">\n<h2>Statistics</h2>\n<table>\n<tbody>\n");
        foreach (var (label, value) in ReadingFacts.Statistics(reading.Statistics))
            html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th><td class=\"count\">").Append(Encode(value)).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n</section>\n");

        Groups(html, reading.Groups);

        html.Append("<section id=\"positions\">\n<h2>Positions</h2>\n");
        foreach (var position in reading.Positions) Position(html, position);
        html.Append("</section>\n");

        html.Append("<section id=\"ledger-checkpoint\">\n<h2>Ledger checkpoint</h2>\n")
            .Append(reading.LedgerCheckpoint is { } note
                ? $"<div class=\"note\">{EncodeLines(note)}</div>\n"
                : $"<p>{Encode(ReadingFacts.NoCheckpoint)}</p>\n")
            .Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Groups(StringBuilder html, IReadOnlyList<ReadingGroup> groups)
    {
        html.Append("<section id=\"groups\">\n<h2>").Append(Encode(ReadingFacts.GroupsHeading)).Append("</h2>\n");
        if (groups.Count == 0)
        {
            html.Append("<p>").Append(Encode(ReadingFacts.NoGroups)).Append("</p>\n</section>\n");
            return;
        }
        html.Append("<ol>\n");
        foreach (var group in groups)
        {
            html.Append("<li><p>Similarity ").Append(Encode(ReadingFacts.Similarity(group.Similarity))).Append("</p>\n<ul>\n");
            foreach (var member in group.Members)
                html.Append("<li><a href=\"#paper-").Append(member.PaperId).Append("\">").Append(Encode(ReadingFacts.Member(member))).Append("</a></li>\n");
            html.Append("</ul>\n</li>\n");
        }
        html.Append("</ol>\n</section>\n");
    }

    private static void Position(StringBuilder html, DigestPosition position)
    {
        html.Append("<article id=\"paper-").Append(position.PaperId).Append("\">\n")
            .Append("<h3>").Append(Encode(position.Title)).Append("</h3>\n");
        Particulars(html, ReadingFacts.Particulars(position));
        html.Append("<h4>Summary</h4>\n<div class=\"text\">").Append(EncodeLines(position.Summary)).Append("</div>\n")
            .Append("<h4>Body</h4>\n<div class=\"text\">").Append(EncodeLines(position.Body)).Append("</div>\n")
            .Append("</article>\n");
    }

    private static void Particulars(StringBuilder html, IReadOnlyList<(string Label, string Value)> particulars)
    {
        html.Append("<dl>\n");
        foreach (var (label, value) in particulars)
            html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        html.Append("</dl>\n");
    }

    private static string Encode(string text) => Encoder.Encode(text);

    /// <summary>
    /// Text whose lines are kept: its line endings made LF (CSS would show an encoded CR as a space) and written as
    /// such, not as <c>&amp;#xA;</c>, so the page's source reads as the paper does.
    /// </summary>
    private static string EncodeLines(string text) => Encode(text.Replace("\r\n", "\n").Replace('\r', '\n')).Replace("&#xA;", "\n");
}

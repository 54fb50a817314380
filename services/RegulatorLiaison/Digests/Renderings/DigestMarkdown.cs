using System.Text;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>
/// A digest as CommonMark with GFM tables. Paper text and the checkpoint note sit verbatim in fenced blocks longer than
/// any run of backticks they hold, so no line of theirs can close the fence; every other text is escaped so that it
/// reads as plain text, never as markup, links or raw HTML (see <see cref="Inline"/>).
/// </summary>
public static class DigestMarkdown
{
    public static string Render(DigestReading reading)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(ReadingFacts.Heading(reading))).Append("\n\n");
        Table(md, ["Digest", "Value"], Cells(ReadingFacts.Particulars(reading)));

        md.Append("## Statistics\n\n");
        Table(md, ["Statistic", "Count"], Cells(ReadingFacts.Statistics(reading.Statistics)));

        md.Append("## ").Append(Inline(ReadingFacts.GroupsHeading)).Append("\n\n");
        if (reading.Groups.Count == 0) md.Append(Inline(ReadingFacts.NoGroups)).Append("\n\n");
        else Table(md, ["Group", "Similarity", "Member"], reading.Groups.SelectMany((group, i) => group.Members.Select(member =>
            new[] { ReadingFacts.Number(i + 1), ReadingFacts.Similarity(group.Similarity), ReadingFacts.Member(member) })));

        md.Append("## Positions\n\n");
        foreach (var position in reading.Positions)
        {
            md.Append("### ").Append(Inline(position.Title)).Append("\n\n");
            Table(md, ["Position", "Value"], Cells(ReadingFacts.Particulars(position)));
            md.Append("#### Summary\n\n");
            Fenced(md, position.Summary);
            md.Append("#### Body\n\n");
            Fenced(md, position.Body);
        }

        md.Append("## Ledger checkpoint\n\n");
        if (reading.LedgerCheckpoint is { } note) Fenced(md, note);
        else md.Append(Inline(ReadingFacts.NoCheckpoint)).Append('\n');
        return md.ToString();
    }

    /// <summary>Text in a fence of backticks one longer than its longest run of them, and at least three.</summary>
    public static string Fence(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }

    private static void Fenced(StringBuilder md, string text)
    {
        var fence = Fence(text);
        // CommonMark's line endings made one; every other character stays as the paper has it.
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n');
        md.Append(fence).Append("text\n").Append(lines);
        if (lines.Length > 0 && !lines.EndsWith('\n')) md.Append('\n');
        md.Append(fence).Append("\n\n");
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", header.Select(Inline)).Append(" |\n|").Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows) md.Append("| ").AppendJoin(" | ", row.Select(Inline)).Append(" |\n");
        md.Append('\n');
    }

    private static IEnumerable<string[]> Cells(IEnumerable<(string Label, string Value)> rows) => rows.Select(r => new[] { r.Label, r.Value });

    /// <summary>
    /// One line of plain text, written only in headings, table cells and the renderings' own sentences, where no block
    /// (list, quote, code) can start. ASCII punctuation is backslash-escaped (CommonMark allows exactly these), so none
    /// starts emphasis, a link, an image, an entity, raw HTML, a cell or an extension's markup (math, marks, strikes,
    /// emoji, and bare <c>https:</c> or <c>www.</c> links, which need an unescaped <c>:</c> or <c>.</c>); only
    /// <c>- / , ; ? ' "</c>, which mean nothing inline, are left for the text to read as written. Line breaks and other
    /// control characters become spaces.
    /// </summary>
    public static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c)) escaped.Append(' ');
            else if (char.IsAsciiLetterOrDigit(c) || c is > '~' or ' ' or '-' or '/' or ',' or ';' or '?' or '\'' or '"') escaped.Append(c);
            else escaped.Append('\\').Append(c);
        }
        return escaped.ToString();
    }
}

using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

internal sealed record PdfStyle(double Size, bool Bold, XColor Colour)
{
    public double LineHeight => Size * 1.45;

    /// <summary>From the line's top to its baseline; room above for the CJK font's taller ascent.</summary>
    public double Ascent => Size * 1.05;
}

/// <summary>
/// Flows text down A4 pages, top to bottom, starting a page when one is full. Lines wrap at spaces, and anywhere
/// between Chinese, Japanese or Korean characters; a word wider than the line breaks between its characters. Each run
/// of characters is set in the font that has their glyphs (<see cref="DigestFonts.FamilyFor"/>). Not disposable: a
/// page's graphics hold only managed memory, and <see cref="Finish"/> closes the last one.
/// </summary>
internal sealed class PdfFlow
{
    private const double Margin = 50;
    private const double FooterSize = 8;

    private readonly PdfDocument _document;
    private readonly Dictionary<(string Family, double Size, bool Bold), XFont> _fonts = [];
    private readonly Dictionary<(string Text, double Size, bool Bold), double> _widths = [];
    private XGraphics _page;
    private double _y;

    public PdfFlow(PdfDocument document)
    {
        DigestFonts.Install();
        _document = document;
        _page = NewPage();
    }

    private double Width => _page.PageSize.Width - 2 * Margin;
    private double Bottom => _page.PageSize.Height - Margin - 2 * FooterSize;

    /// <summary>Text, its own line breaks kept, from <paramref name="indent"/> to the right margin.</summary>
    public void Text(string text, PdfStyle style, double indent = 0)
    {
        foreach (var paragraph in Paragraphs(text))
            foreach (var line in Wrap(paragraph, style, Width - indent))
                Line(line, style, Margin + indent);
    }

    /// <summary>
    /// A one-line label on the baseline of its value's first line, the value wrapping in a column of its own; the
    /// value's lines set the row's height, so the label's style must be no taller than the value's.
    /// </summary>
    public void Row(string label, string value, PdfStyle labelStyle, PdfStyle valueStyle, double labelWidth)
    {
        KeepTogether(valueStyle.LineHeight);
        Draw(label, labelStyle, Margin, _y + valueStyle.Ascent);
        foreach (var paragraph in Paragraphs(value))
            foreach (var line in Wrap(paragraph, valueStyle, Width - labelWidth))
                Line(line, valueStyle, Margin + labelWidth);
    }

    public void Gap(double points) => _y += points;

    public void Rule()
    {
        KeepTogether(1);
        _page.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y, Margin + Width, _y);
    }

    /// <summary>Starts a new page unless this much height is left on the current one (a heading is not left alone at the foot).</summary>
    public void KeepTogether(double height)
    {
        if (_y + height > Bottom) _page = NewPage();
    }

    /// <summary>Numbers the pages, "page X of Y", once every page is known.</summary>
    public void Finish(string footer)
    {
        _page.Dispose();
        var style = new PdfStyle(FooterSize, false, XColors.Gray);
        for (var i = 0; i < _document.PageCount; i++)
        {
            _page = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = _page.PageSize.Height - Margin;
            Draw(footer, style, Margin, y);
            var number = $"page {i + 1} of {_document.PageCount}";
            Draw(number, style, Margin + Width - Measure(number, style), y);
            _page.Dispose();
        }
    }

    private XGraphics NewPage()
    {
        // Null only while the constructor asks for the first page.
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    private void Line(string line, PdfStyle style, double x)
    {
        KeepTogether(style.LineHeight);
        Draw(line, style, x, _y + style.Ascent);
        _y += style.LineHeight;
    }

    private void Draw(string text, PdfStyle style, double x, double baseline)
    {
        var brush = new XSolidBrush(style.Colour);
        foreach (var (family, run) in Runs(text))
        {
            var font = Font(family, style);
            _page.DrawString(run, font, brush, x, baseline);
            x += _page.MeasureString(run, font).Width;
        }
    }

    /// <summary>A text's width, remembered: prose repeats its words, and measuring is most of the work.</summary>
    private double Measure(string text, PdfStyle style)
    {
        if (!_widths.TryGetValue((text, style.Size, style.Bold), out var width))
            _widths[(text, style.Size, style.Bold)] = width = Runs(text).Sum(r => _page.MeasureString(r.Text, Font(r.Family, style)).Width);
        return width;
    }

    private XFont Font(string family, PdfStyle style)
    {
        if (!_fonts.TryGetValue((family, style.Size, style.Bold), out var font))
            _fonts[(family, style.Size, style.Bold)] = font = new XFont(family, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, DigestFonts.Options);
        return font;
    }

    /// <summary>The text's line breaks made one kind; tabs as spaces, other control characters (which have no glyph) dropped.</summary>
    private static IEnumerable<string> Paragraphs(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c == '\t') clean.Append("    ");
            else if (c == '\n' || !char.IsControl(c)) clean.Append(c);
        }
        return clean.ToString().Split('\n');
    }

    /// <summary>Greedy line filling over words, spaces and ideographs, each of which may start a line.</summary>
    private List<string> Wrap(string paragraph, PdfStyle style, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var hasWords = false;

        void Add(string text, double textWidth)
        {
            line.Append(text);
            lineWidth += textWidth;
        }

        void Break()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0;
            hasWords = false;
        }

        foreach (var token in Tokens(paragraph))
        {
            var tokenWidth = Measure(token, style);
            if (string.IsNullOrWhiteSpace(token))
            {
                // Spaces where a line wrapped are the break itself; at the paragraph's start they are its indentation.
                if (hasWords || lines.Count == 0) Add(token, tokenWidth);
                continue;
            }
            if (hasWords && lineWidth + tokenWidth > width) Break();
            if (lineWidth + tokenWidth <= width) Add(token, tokenWidth);
            else
                foreach (var grapheme in Graphemes(token))
                {
                    var graphemeWidth = Measure(grapheme, style);
                    if (hasWords && lineWidth + graphemeWidth > width) Break();
                    Add(grapheme, graphemeWidth);
                    hasWords = true;
                }
            hasWords = true;
        }
        Break();
        return lines;
    }

    /// <summary>Runs of spaces, runs of other characters (words), and each ideograph alone: the places a line may break.</summary>
    private static IEnumerable<string> Tokens(string paragraph)
    {
        var token = new StringBuilder();
        bool? spaces = null;
        foreach (var grapheme in Graphemes(paragraph))
        {
            var isSpace = char.IsWhiteSpace(grapheme[0]);
            if (IsIdeographic(Rune.GetRuneAt(grapheme, 0)))
            {
                if (token.Length > 0) yield return token.ToString();
                token.Clear();
                spaces = null;
                yield return grapheme;
                continue;
            }
            if (spaces != isSpace && token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
            token.Append(grapheme);
            spaces = isSpace;
        }
        if (token.Length > 0) yield return token.ToString();
    }

    /// <summary>The text cut where the font that has its glyphs changes; a combining mark stays with its base character.</summary>
    private static IEnumerable<(string Family, string Text)> Runs(string text)
    {
        var run = new StringBuilder();
        var family = DigestFonts.Latin;
        foreach (var grapheme in Graphemes(text))
        {
            var next = DigestFonts.FamilyFor(Rune.GetRuneAt(grapheme, 0));
            if (next != family && run.Length > 0)
            {
                yield return (family, run.ToString());
                run.Clear();
            }
            family = next;
            run.Append(grapheme);
        }
        if (run.Length > 0) yield return (family, run.ToString());
    }

    private static IEnumerable<string> Graphemes(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) yield return elements.GetTextElement();
    }

    /// <summary>Han, kana, Hangul and their punctuation and full-width forms: written without spaces, so breakable anywhere.</summary>
    private static bool IsIdeographic(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true,   // Hangul Jamo
        >= 0x2E80 and <= 0x9FFF => true,   // CJK radicals, punctuation, kana, Hangul compatibility Jamo, Han
        >= 0xA960 and <= 0xA97F => true,   // Hangul Jamo extended A
        >= 0xAC00 and <= 0xD7FF => true,   // Hangul syllables, Jamo extended B
        >= 0xF900 and <= 0xFAFF => true,   // CJK compatibility ideographs
        >= 0xFF00 and <= 0xFFEF => true,   // half- and full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // supplementary Han
        _ => false,
    };
}

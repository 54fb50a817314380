using System.Diagnostics;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

/// <summary>The PDF is read back with PdfPig, an independent reader, as a search index or a screen reader would.</summary>
public sealed class DigestPdfTests(ITestOutputHelper output)
{
    private readonly DigestReading _reading = SampleReading.Reading();

    /// <summary>The text in reading order with all white space gone: line wraps then cannot hide or split a fact.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string ExtractedText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return TextAboveFooters(document);
    }

    /// <summary>The pages' text without their footers, which would otherwise split a passage running over a page break.</summary>
    private static string TextAboveFooters(PdfDocument document) =>
        string.Concat(document.GetPages().SelectMany(p => p.Letters).Where(l => l.BoundingBox.Bottom > 60).Select(l => l.Value));

    private static DigestPosition PositionWithBody(int n, string body) =>
        new(Guid.CreateVersion7(), 1, new string('f', 64), $"Organisation {n}", $"Position {n}", $"Summary {n}", body);

    /// <summary>Words each unlike the others, so finding them all in one run proves none is lost or out of order.</summary>
    private static string NumberedWords(int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => (i % 40 == 39 ? "\n" : "") + $"w{i}"));

    private static readonly string[] Vocabulary =
    [
        "the", "regulator", "should", "require", "firms", "to", "publish", "how", "they", "use", "personal", "data", "and",
        "consumers", "must", "be", "able", "withdraw", "consent", "at", "any", "time", "we", "support", "proposal", "but",
        "safeguards", "are", "needed", "for", "small", "businesses", "costs", "of", "compliance", "open", "banking", "access",
    ];

    /// <summary>Ordinary prose of about this many words: sentences of a dozen words, paragraphs of about eighty.</summary>
    private static string Prose(int words, int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (var i = 1; i <= words; i++)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            text.Append(i % 80 == 0 ? ".\n" : i % 12 == 0 ? ". " : " ");
        }
        return text.ToString();
    }

    [Fact]
    public void Every_fact_of_the_digest_can_be_extracted_as_text()
    {
        var text = Squeezed(ExtractedText(DigestPdf.Render(_reading)));
        foreach (var fact in SampleReading.Facts(_reading)) Assert.Contains(Squeezed(fact), text);
    }

    [Fact]
    public void Each_particular_and_statistic_is_extracted_beside_its_label()
    {
        var text = Squeezed(ExtractedText(DigestPdf.Render(_reading)));
        Assert.Contains(Squeezed($"Regulator {_reading.RegulatorName}"), text);
        Assert.Contains(Squeezed($"Compiled at {SampleReading.CompiledAt}"), text);
        Assert.Contains(Squeezed($"Status Delivered"), text);
        Assert.Contains(Squeezed($"Content hash {_reading.ContentHash}"), text);
        foreach (var (label, value) in SampleReading.StatisticRows) Assert.Contains(Squeezed(label + value), text);
        foreach (var position in _reading.Positions)
        {
            Assert.Contains(Squeezed($"Organisation {position.Organisation} Version {position.Version} Paper {position.PaperId}"), text);
            Assert.Contains(Squeezed($"Content hash {position.ContentHash}"), text);
        }
        Assert.Contains(Squeezed($"Similarity 0.8571 • {SampleReading.Chinese.Organisation} — {SampleReading.Chinese.Title}"), text);
    }

    [Fact]
    public void Chinese_japanese_and_korean_characters_are_extracted_intact()
    {
        using var document = PdfDocument.Open(DigestPdf.Render(_reading));
        var letters = document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value).ToList();
        Assert.DoesNotContain(letters, l => l.Length == 0 || l.Contains('\uFFFD'));
        var cjk = new[] { SampleReading.Chinese, SampleReading.Japanese, SampleReading.Korean }
            .SelectMany(p => p.Organisation + p.Title + p.Summary + p.Body).Where(c => c > 0x2E80).Distinct();
        Assert.All(cjk, c => Assert.Contains(c.ToString(), letters));
        Assert.Contains("그러나더많은보호장치가필요합니다.", Squeezed(string.Concat(letters)));
    }

    [Fact]
    public void Hostile_text_is_extracted_verbatim()
    {
        var text = Squeezed(ExtractedText(DigestPdf.Render(_reading)));
        Assert.Contains(Squeezed(SampleReading.HostileTitle), text);
        Assert.Contains(Squeezed(SampleReading.HostileSummary), text);
        Assert.Contains(Squeezed(SampleReading.HostileBody), text);
    }

    [Fact]
    public void Every_font_is_embedded_with_a_unicode_map()
    {
        using var document = PdfDocument.Open(DigestPdf.Render(_reading));
        var scanner = document.Structure.TokenScanner;
        DictionaryToken Dictionary(IToken token) => DirectObjectFinder.Get<DictionaryToken>(token, scanner)!;

        var fonts = new Dictionary<string, DictionaryToken>();
        foreach (var page in document.GetPages())
        {
            var resources = Dictionary(page.Dictionary.Data["Resources"]);
            foreach (var font in Dictionary(resources.Data["Font"]).Data.Values.Select(Dictionary))
                fonts[((NameToken)font.Data["BaseFont"]).Data] = font;
        }

        Assert.Equal(["DejaVu Sans", "Droid Sans Fallback", "NanumSquare Regular"], fonts.Keys.Select(n => n[(n.IndexOf('+') + 1)..]).Order());
        foreach (var font in fonts.Values)
        {
            Assert.Equal("Type0", ((NameToken)font.Data["Subtype"]).Data);
            Assert.True(font.ContainsKey(NameToken.Create("ToUnicode")));
            var descendant = Dictionary(DirectObjectFinder.Get<ArrayToken>(font.Data["DescendantFonts"], scanner)![0]);
            var descriptor = Dictionary(descendant.Data["FontDescriptor"]);
            Assert.True(descriptor.ContainsKey(NameToken.Create("FontFile2")), "a TrueType font program is embedded");
        }
    }

    [Fact]
    public void The_document_title_is_the_consultations_reference_and_title()
    {
        using var document = PdfDocument.Open(DigestPdf.Render(_reading));
        Assert.Equal($"{_reading.ConsultationReference} — {_reading.ConsultationTitle}", document.Information.Title);
    }

    [Fact]
    public void A_long_body_runs_over_numbered_pages_with_every_word_in_order()
    {
        var body = NumberedWords(4000);
        using var document = PdfDocument.Open(DigestPdf.Render(SampleReading.Reading(null, PositionWithBody(1, body))));
        Assert.True(document.NumberOfPages > 3, $"{document.NumberOfPages} pages");
        Assert.Contains(Squeezed(body), Squeezed(TextAboveFooters(document)));
        foreach (var page in document.GetPages())
            Assert.Contains(Squeezed($"page {page.Number} of {document.NumberOfPages}"), Squeezed(page.Text));
    }

    [Fact]
    public void Unbroken_words_and_cjk_paragraphs_wrap_inside_the_margins()
    {
        var body = new string('x', 400) + " " + string.Concat(Enumerable.Repeat("监管机构应当要求企业公开其数据使用方式。", 20)) + "\n" +
            string.Concat(Enumerable.Repeat("이용자는언제든지동의를철회할수있어야합니다", 20));
        using var document = PdfDocument.Open(DigestPdf.Render(SampleReading.Reading(null, PositionWithBody(1, body))));
        var letters = document.GetPages().SelectMany(p => p.Letters.Select(l => (Letter: l, p.Width))).ToList();
        Assert.All(letters, l => Assert.InRange(l.Letter.BoundingBox.Right, 0, l.Width - 49));
        Assert.Contains(Squeezed(body), Squeezed(TextAboveFooters(document)));
    }

    [Fact]
    public async Task Digests_render_side_by_side_as_requests_do()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DigestPdf.Render(_reading))));
        Assert.All(pdfs, pdf => Assert.Contains(Squeezed(SampleReading.Korean.Body), Squeezed(ExtractedText(pdf))));
    }

    [Fact]
    public void Figure_a_digest_of_100_positions_of_500_words()
    {
        var positions = Enumerable.Range(1, 100)
            .Select(n => PositionWithBody(n, Prose(500, n) + "\n我们认为，个人数据的处理必须透明。우리는 이 제안을 지지합니다."))
            .ToArray();
        var reading = SampleReading.Reading(SampleReading.Checkpoint, positions);

        // The first render in a process also loads the fonts and compiles the code; a running service has done both.
        var clock = Stopwatch.StartNew();
        var pdf = DigestPdf.Render(reading);
        var first = clock.ElapsedMilliseconds;
        clock.Restart();
        pdf = DigestPdf.Render(reading);
        var again = clock.ElapsedMilliseconds;

        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"100 positions of 500 words: {document.NumberOfPages} pages, {pdf.Length:N0} bytes, rendered in {first} ms, then again in {again} ms");
        Assert.InRange(document.NumberOfPages, 50, 200);
        Assert.Contains(Squeezed(positions[^1].Body), Squeezed(TextAboveFooters(document)));
    }
}

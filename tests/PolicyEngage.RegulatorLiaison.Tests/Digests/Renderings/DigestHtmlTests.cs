using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

public sealed class DigestHtmlTests
{
    private readonly DigestReading _reading = SampleReading.Reading();
    private readonly IDocument _page;

    public DigestHtmlTests() => _page = new HtmlParser().ParseDocument(DigestHtml.Render(_reading));

    /// <summary>As a browser reads the text: the HTML parser makes every CR LF or lone CR a LF.</summary>
    private static string AsParsed(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static string Particular(IElement scope, string label) =>
        scope.QuerySelectorAll(":scope > dl > dt").Single(dt => dt.TextContent == label).NextElementSibling!.TextContent;

    [Fact]
    public void Every_fact_of_the_digest_appears_as_text_on_the_page()
    {
        var text = _page.Body!.TextContent;
        foreach (var fact in SampleReading.Facts(_reading)) Assert.Contains(AsParsed(fact), text);
    }

    [Fact]
    public void The_heading_names_the_consultation_and_the_particulars_the_regulator_time_status_and_hash()
    {
        var header = _page.QuerySelector("header")!;
        Assert.Equal(_reading.ConsultationReference, header.QuerySelector(".reference")!.TextContent);
        Assert.Equal(_reading.ConsultationTitle, header.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{_reading.ConsultationReference} — {_reading.ConsultationTitle}", _page.Title);
        Assert.Equal(_reading.RegulatorName, Particular(header, "Regulator"));
        Assert.Equal(_reading.DigestId.ToString(), Particular(header, "Digest"));
        Assert.Equal(SampleReading.CompiledAt, Particular(header, "Compiled at"));
        Assert.Equal("Delivered", Particular(header, "Status"));
        Assert.Equal(_reading.ContentHash, Particular(header, "Content hash"));
    }

    [Fact]
    public void Each_statistic_sits_in_a_row_with_its_figure()
    {
        var rows = _page.QuerySelectorAll("#statistics tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent));
        Assert.Equal(SampleReading.StatisticRows, rows);
    }

    [Fact]
    public void A_group_lists_its_members_by_organisation_and_title_linked_to_their_positions()
    {
        var members = _page.QuerySelectorAll("#groups li li a").ToList();
        Assert.Equal(
            [$"{SampleReading.Chinese.Organisation} — {SampleReading.Chinese.Title}", $"{SampleReading.Japanese.Organisation} — {SampleReading.Japanese.Title}"],
            members.Select(a => a.TextContent));
        Assert.Equal([$"#paper-{SampleReading.Chinese.PaperId}", $"#paper-{SampleReading.Japanese.PaperId}"], members.Select(a => a.GetAttribute("href")));
        Assert.Contains("Similarity 0.8571", _page.QuerySelector("#groups")!.TextContent);
    }

    [Fact]
    public void Each_position_shows_its_organisation_title_version_hash_and_exact_summary_and_body()
    {
        foreach (var position in _reading.Positions)
        {
            var article = _page.GetElementById($"paper-{position.PaperId}")!;
            Assert.Equal(position.Title, article.QuerySelector("h3")!.TextContent);
            Assert.Equal(position.Organisation, Particular(article, "Organisation"));
            Assert.Equal(position.Version.ToString(), Particular(article, "Version"));
            Assert.Equal(position.ContentHash, Particular(article, "Content hash"));
            var texts = article.QuerySelectorAll(".text").Select(t => t.TextContent).ToList();
            Assert.Equal([AsParsed(position.Summary), AsParsed(position.Body)], texts);
        }
    }

    [Fact]
    public void The_checkpoint_note_keeps_its_lines()
    {
        Assert.Equal(SampleReading.Checkpoint, _page.QuerySelector("#ledger-checkpoint .note")!.TextContent);
    }

    [Fact]
    public void A_digest_without_a_checkpoint_or_groups_says_so()
    {
        var page = new HtmlParser().ParseDocument(DigestHtml.Render(SampleReading.Reading(checkpoint: null, SampleReading.Korean)));
        Assert.Null(page.QuerySelector(".note"));
        Assert.Contains("None recorded", page.QuerySelector("#ledger-checkpoint")!.TextContent);
        Assert.Contains("None", page.QuerySelector("#groups")!.TextContent);
    }

    [Fact]
    public void Hostile_text_is_shown_verbatim_and_never_becomes_markup()
    {
        Assert.Empty(_page.QuerySelectorAll("script, img, iframe, object, embed, link, base, form, b, i"));
        Assert.DoesNotContain(_page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));

        var article = _page.GetElementById($"paper-{SampleReading.Hostile.PaperId}")!;
        Assert.Equal(SampleReading.HostileTitle, article.QuerySelector("h3")!.TextContent);
        Assert.Equal(SampleReading.HostileOrganisation, Particular(article, "Organisation"));
        Assert.Contains("<script>alert(1)</script>", article.TextContent);
        Assert.Contains("&lt;not an entity&gt;", article.TextContent);
        Assert.Contains("</div><script>alert(2)</script>", article.TextContent);
    }

    [Fact]
    public void The_page_is_self_contained_and_fetches_nothing()
    {
        foreach (var element in _page.All)
            foreach (var attribute in element.Attributes.Where(a => a.Name is "src" or "href" or "srcset" or "action" or "poster" or "data"))
                Assert.StartsWith("#", attribute.Value);
        Assert.DoesNotContain("url(", _page.QuerySelector("style")!.TextContent);
        Assert.DoesNotContain("@import", _page.QuerySelector("style")!.TextContent);
        Assert.Empty(_page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Its_content_security_policy_allows_only_its_own_stylesheet()
    {
        var policy = _page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Equal(DigestHtml.ContentSecurityPolicy, policy);
        Assert.StartsWith("default-src 'none';", policy);
        var style = _page.QuerySelector("style")!.TextContent;
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy);
        Assert.Single(_page.QuerySelectorAll("style"));
    }

    [Fact]
    public void The_page_declares_utf8_english_and_a_font_stack_with_cjk_fallbacks()
    {
        Assert.Equal("utf-8", _page.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal("en", _page.DocumentElement.GetAttribute("lang"));
        var style = _page.QuerySelector("style")!.TextContent;
        Assert.Contains("\"Noto Sans CJK SC\"", style);
        Assert.Contains("\"Malgun Gothic\"", style);
        Assert.Contains("white-space: pre-wrap", style);
    }

    [Fact]
    public void Cjk_text_is_written_as_characters_not_entities()
    {
        var html = DigestHtml.Render(_reading);
        Assert.Contains(SampleReading.Chinese.Body.Split('\n')[0], html);
        Assert.Contains(SampleReading.Japanese.Title, html);
        Assert.Contains(SampleReading.Korean.Organisation, html);
    }
}

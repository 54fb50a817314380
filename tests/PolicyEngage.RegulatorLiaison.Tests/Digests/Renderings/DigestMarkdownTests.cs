using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

/// <summary>The Markdown is read back through Markdig with every extension it has, the most a reader could make of it.</summary>
public sealed class DigestMarkdownTests
{
    private static readonly MarkdownPipeline Reader = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly DigestReading _reading = SampleReading.Reading();
    private readonly string _markdown;
    private readonly IDocument _read;

    public DigestMarkdownTests()
    {
        _markdown = DigestMarkdown.Render(_reading);
        _read = Read(_markdown);
    }

    private static IDocument Read(string markdown) => new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Reader));

    private static string Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static IEnumerable<(string, string)> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent));

    [Fact]
    public void Every_fact_of_the_digest_reads_back_as_text()
    {
        var text = _read.Body!.TextContent;
        foreach (var fact in SampleReading.Facts(_reading)) Assert.Contains(Lines(fact), text);
    }

    [Fact]
    public void Paper_text_sits_in_a_fence_longer_than_its_longest_run_of_backticks()
    {
        // The hostile body holds runs of three, four and five backticks.
        Assert.Contains("\n``````text\n" + Lines(SampleReading.HostileBody) + "``````\n", _markdown);
        Assert.Contains("\n```text\n" + SampleReading.Chinese.Summary + "\n```\n", _markdown);
    }

    [Fact]
    public void Paper_text_and_the_checkpoint_read_back_exactly_as_code_blocks()
    {
        var blocks = _read.QuerySelectorAll("pre > code").Select(c => c.TextContent).ToList();
        var expected = _reading.Positions.SelectMany(p => new[] { p.Summary, p.Body }).Append(SampleReading.Checkpoint)
            .Select(t => Lines(t).EndsWith('\n') ? Lines(t) : Lines(t) + "\n");
        Assert.Equal(expected, blocks);
    }

    [Fact]
    public void Titles_organisations_and_names_read_back_exactly_and_inject_nothing()
    {
        Assert.Equal($"{_reading.ConsultationReference} — {_reading.ConsultationTitle}", _read.QuerySelector("h1")!.TextContent);
        Assert.Equal(_reading.Positions.Select(p => p.Title), _read.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Empty(_read.QuerySelectorAll("script, img, a, b, i, strong, em, iframe"));
        Assert.DoesNotContain(_read.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_particulars_and_statistics_read_back_as_tables()
    {
        var tables = _read.QuerySelectorAll("table").ToList();
        Assert.Equal(
            [("Regulator", _reading.RegulatorName), ("Digest", _reading.DigestId.ToString()), ("Compiled at", SampleReading.CompiledAt),
             ("Status", "Delivered"), ("Content hash", _reading.ContentHash)],
            Rows(tables[0]));
        Assert.Equal(SampleReading.StatisticRows, Rows(tables[1]));
        var hostile = tables[3 + _reading.Positions.ToList().IndexOf(SampleReading.Hostile)];
        Assert.Equal(
            [("Organisation", SampleReading.HostileOrganisation), ("Version", "7"), ("Paper", SampleReading.Hostile.PaperId.ToString()),
             ("Content hash", SampleReading.Hostile.ContentHash)],
            Rows(hostile));
    }

    [Fact]
    public void A_group_reads_back_as_a_table_of_its_members()
    {
        var groups = _read.QuerySelectorAll("table")[2];
        Assert.Equal(
            [["1", "0.8571", $"{SampleReading.Chinese.Organisation} — {SampleReading.Chinese.Title}"],
             ["1", "0.8571", $"{SampleReading.Japanese.Organisation} — {SampleReading.Japanese.Title}"]],
            groups.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()));
    }

    [Fact]
    public void A_digest_without_a_checkpoint_or_groups_says_so()
    {
        var read = Read(DigestMarkdown.Render(SampleReading.Reading(checkpoint: null, SampleReading.Korean)));
        Assert.Contains("None recorded: no ledger checkpoint", read.Body!.TextContent);
        Assert.Contains("None: no two positions are near-duplicates.", read.Body!.TextContent);
        Assert.Equal(2, read.QuerySelectorAll("pre").Length);
    }

    [Theory]
    [InlineData("", "```")]
    [InlineData("no backticks", "```")]
    [InlineData("a `tick` and ``two``", "```")]
    [InlineData("```", "````")]
    [InlineData("x ```` y ``` z", "`````")]
    [InlineData("ends with ``````", "```````")]
    public void A_fence_is_at_least_three_backticks_and_longer_than_any_run(string text, string fence) =>
        Assert.Equal(fence, DigestMarkdown.Fence(text));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[link](https://evil.example) ![image](https://evil.example/i.png)")]
    [InlineData("**strong** _em_ ~~strike~~ `code` $x^2$ ==mark== ++ins++")]
    [InlineData("&amp; &#60; \\ trailing #")]
    [InlineData("a | b | c")]
    [InlineData("<https://evil.example> <evil@example.org>")]
    [InlineData("1. not a list - nor this + nor > this")]
    [InlineData("www.evil.example and https://evil.example/x) and :smile:")]
    [InlineData("line\nbreak")]
    public void Inline_text_reads_back_as_exactly_itself(string text)
    {
        var heading = Read("# " + DigestMarkdown.Inline(text) + "\n\n| a |\n| --- |\n| " + DigestMarkdown.Inline(text) + " |\n");
        var expected = text.Replace('\n', ' ');
        Assert.Equal(expected, heading.QuerySelector("h1")!.TextContent);
        Assert.Equal(expected, heading.QuerySelector("td")!.TextContent);
        Assert.Empty(heading.QuerySelectorAll("h1 *, td *"));
    }
}

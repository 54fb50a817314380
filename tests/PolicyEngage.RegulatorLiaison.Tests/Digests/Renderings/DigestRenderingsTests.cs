using System.Text;
using Microsoft.AspNetCore.Http;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

public sealed class DigestRenderingsTests
{
    private readonly DigestReading _reading = SampleReading.Reading();

    private static async Task<HttpResponse> Execute(RenderedDigest rendered)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await rendered.ExecuteAsync(http);
        return http.Response;
    }

    [Fact]
    public async Task Html_is_answered_as_utf8_with_its_policy_nosniff_and_vary_accept()
    {
        var response = await Execute(DigestRenderings.Render(_reading, DigestFormat.Html));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal(DigestHtml.ContentSecurityPolicy + "; frame-ancestors 'none'", response.Headers.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.Equal("Accept", response.Headers.Vary);
        Assert.Equal(DigestHtml.Render(_reading), Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
        Assert.Equal(response.Body.Length, response.ContentLength);
    }

    [Fact]
    public async Task Markdown_is_answered_as_utf8_text()
    {
        var response = await Execute(DigestRenderings.Render(_reading, DigestFormat.Markdown));
        Assert.Equal("text/markdown; charset=utf-8", response.ContentType);
        Assert.Equal("Accept", response.Headers.Vary);
        Assert.Equal(DigestMarkdown.Render(_reading), Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
    }

    [Fact]
    public async Task Pdf_is_answered_as_a_pdf()
    {
        var response = await Execute(DigestRenderings.Render(_reading, DigestFormat.Pdf));
        Assert.Equal("application/pdf", response.ContentType);
        Assert.Equal("Accept", response.Headers.Vary);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(((MemoryStream)response.Body).ToArray()[..5]));
    }

    [Fact]
    public void Json_is_not_a_rendering_but_the_digest_response_itself() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestRenderings.Render(_reading, DigestFormat.Json));

    [Fact]
    public void A_reading_takes_the_digests_facts_and_names_each_group_member()
    {
        Assert.Equal(Guid.Parse("01960000-0000-7000-8000-0000000000d1"), _reading.DigestId);
        Assert.Equal(SampleReading.Checkpoint, _reading.LedgerCheckpoint);
        var group = Assert.Single(_reading.Groups);
        Assert.Equal(0.8571, group.Similarity);
        Assert.Equal(
            [new ReadingGroupMember(SampleReading.Chinese.PaperId, SampleReading.Chinese.Organisation, SampleReading.Chinese.Title),
             new ReadingGroupMember(SampleReading.Japanese.PaperId, SampleReading.Japanese.Organisation, SampleReading.Japanese.Title)],
            group.Members);
    }

    [Fact]
    public void A_group_member_the_digest_does_not_carry_has_no_title()
    {
        var stranger = Guid.NewGuid();
        var group = ReadingGroup.Of(new DigestGroup([stranger], ["Nobody"], 1), new Dictionary<Guid, string>());
        Assert.Equal(new ReadingGroupMember(stranger, "Nobody", null), Assert.Single(group.Members));
    }

    [Fact]
    public void A_group_must_name_one_organisation_per_paper() =>
        Assert.Throws<ArgumentException>(() => ReadingGroup.Of(new DigestGroup([Guid.NewGuid(), Guid.NewGuid()], ["Only one"], 0.9), new Dictionary<Guid, string>()));
}

using PolicyEngage.RegulatorLiaison.Digests.Renderings;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

public sealed class DigestMediaTypeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/html;q=0.9, application/json")]
    public void No_accept_header_any_type_and_application_wildcards_give_json(string? accept) =>
        Assert.Equal(DigestFormat.Json, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/html", DigestFormat.Html)]
    [InlineData("text/html; charset=UTF-8", DigestFormat.Html)]
    [InlineData("text/markdown", DigestFormat.Markdown)]
    [InlineData("text/markdown;charset=\"utf-8\"", DigestFormat.Markdown)]
    [InlineData("application/pdf", DigestFormat.Pdf)]
    [InlineData("text/*", DigestFormat.Html)]
    public void Each_rendering_is_given_for_its_own_media_type(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/markdown, */*;q=0.1", DigestFormat.Markdown)]
    [InlineData("text/html;q=0.5, application/pdf", DigestFormat.Pdf)]
    [InlineData("application/pdf;q=0.2, text/markdown;q=0.3, text/html;q=0.1", DigestFormat.Markdown)]
    [InlineData("application/json;q=0.001, application/pdf;q=0.002", DigestFormat.Pdf)]
    [InlineData("text/*;q=0.4, text/markdown;q=0.5", DigestFormat.Markdown)]
    [InlineData("text/*, text/html;q=0.2", DigestFormat.Markdown)]
    [InlineData("*/*;q=0.3, application/json;q=0.2", DigestFormat.Html)]
    public void The_highest_q_value_wins(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("application/pdf, text/markdown, text/html", DigestFormat.Html)]
    [InlineData("application/pdf;q=0.5, text/markdown;q=0.5", DigestFormat.Markdown)]
    [InlineData("application/pdf, application/json", DigestFormat.Json)]
    [InlineData("application/*, text/*", DigestFormat.Json)]
    public void Equal_q_values_go_to_the_servers_preference(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/html;q=0, */*", DigestFormat.Json)]
    [InlineData("application/json;q=0, */*", DigestFormat.Html)]
    [InlineData("application/json;q=0, application/*", DigestFormat.Pdf)]
    [InlineData("application/json;q=0, text/html;q=0.0, text/*", DigestFormat.Markdown)]
    public void A_q_value_of_zero_refuses_a_type_even_under_a_wildcard(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/png, text/csv")]
    [InlineData("*/*;q=0")]
    [InlineData("text/*;q=0, application/*;q=0")]
    [InlineData("text/html;q=0")]
    [InlineData("application/xml, application/json;q=0")]
    [InlineData("text/html;charset=iso-8859-1")]
    [InlineData("text/markdown;variant=Original")]
    public void Nothing_the_digest_can_give_is_not_acceptable(string accept) =>
        Assert.Null(DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/html;level=1;q=0, text/html;q=0.5, application/pdf;q=0.4", DigestFormat.Html)]
    [InlineData("text/html;q=0.1, text/*;q=0.9", DigestFormat.Markdown)]
    [InlineData("*/*;q=0.9, application/pdf;q=1", DigestFormat.Pdf)]
    public void The_most_specific_matching_range_sets_a_types_q_value(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("text/markdown;q=0.5;ext=1, text/html;q=0.4", DigestFormat.Markdown)]
    [InlineData("text/html;foo=\"a,b\";q=0.5, application/pdf;q=0.4", DigestFormat.Pdf)]
    public void Parameters_after_q_and_quoted_commas_do_not_break_the_list(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("garbage")]
    [InlineData("text/")]
    [InlineData(";;;,,,")]
    [InlineData("text/html;q=abc")]
    [InlineData("text/html;q=1.5")]
    [InlineData("*/html")]
    public void A_header_of_nothing_but_malformed_ranges_is_taken_as_no_header(string accept) =>
        Assert.Equal(DigestFormat.Json, DigestMediaType.Choose(accept));

    [Theory]
    [InlineData("garbage, text/markdown", DigestFormat.Markdown)]
    [InlineData("text/html;q=abc, application/pdf", DigestFormat.Pdf)]
    [InlineData("text/html;q=2, text/markdown;q=0.1", DigestFormat.Markdown)]
    [InlineData("text/html;q=0.1234, application/pdf;q=0.1", DigestFormat.Pdf)]
    [InlineData("text/html, application/json;q=-1", DigestFormat.Html)]
    public void A_malformed_range_is_ignored_beside_valid_ones(string accept, DigestFormat expected) =>
        Assert.Equal(expected, DigestMediaType.Choose(accept));

    [Fact]
    public void A_malformed_range_beside_valid_unsupported_ones_is_not_acceptable() =>
        Assert.Null(DigestMediaType.Choose("text/plain, garbage"));

    [Theory]
    [InlineData(DigestFormat.Json, "application/json; charset=utf-8")]
    [InlineData(DigestFormat.Html, "text/html; charset=utf-8")]
    [InlineData(DigestFormat.Markdown, "text/markdown; charset=utf-8")]
    [InlineData(DigestFormat.Pdf, "application/pdf")]
    public void Each_format_names_its_content_type(DigestFormat format, string contentType) =>
        Assert.Equal(contentType, DigestMediaType.ContentType(format));
}

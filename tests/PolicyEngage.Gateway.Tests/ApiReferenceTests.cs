using System.Net;
using System.Text.RegularExpressions;
using PolicyEngage.Gateway.Tests.Support;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed partial class ApiReferenceTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_docs_page_is_served_anonymously_as_html_naming_the_four_documents()
    {
        var response = await fixture.Client.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var cluster in StandInServices.Services) Assert.Contains($"\"openapi/{cluster}.json\"", page);
    }

    [Fact]
    public async Task The_docs_path_without_its_slash_leads_to_the_page()
    {
        var response = await fixture.Client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/docs/", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task The_docs_page_names_no_other_host()
    {
        var page = await fixture.Client.GetStringAsync("/docs/");

        Assert.DoesNotMatch(AbsoluteUrl(), page);
        Assert.NotEmpty(AssetsOf(page));
    }

    [Theory]
    [InlineData("\"withDefaultFonts\":false")]
    [InlineData("\"telemetry\":false")]
    [InlineData("\"agent\":{\"disabled\":true}")]
    [InlineData("\"mcp\":{\"disabled\":true}")]
    public async Task The_docs_page_turns_off_what_scalars_script_would_fetch_from_its_own_hosts(string setting)
    {
        var page = await fixture.Client.GetStringAsync("/docs/");

        Assert.Contains(setting, page);
        Assert.DoesNotContain("proxyUrl", page);
    }

    [Fact]
    public async Task The_docs_pages_scripts_and_styles_load_from_the_gateway()
    {
        var page = await fixture.Client.GetStringAsync("/docs/");

        foreach (var asset in AssetsOf(page))
        {
            var response = await fixture.Client.GetAsync(new Uri(new Uri(fixture.Client.BaseAddress!, "/docs/"), asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_docs_page_carries_the_gateways_security_headers()
    {
        var response = await fixture.Client.GetAsync("/docs/");

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    private static IReadOnlyList<string> AssetsOf(string page) =>
        [.. ScriptOrStyleReference().Matches(page).Select(match => match.Groups["url"].Value)];

    /// <summary>An http(s) or protocol-relative URL: anything the browser would fetch from another host.</summary>
    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"<(?:script[^>]*\ssrc|link[^>]*\shref)=""(?<url>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyleReference();
}

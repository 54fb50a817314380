using System.Text;
using Microsoft.Net.Http.Headers;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>A digest's answer in a rendering other than JSON, whose answer is the <see cref="DigestResponse"/> itself.</summary>
public static class DigestRenderings
{
    public static RenderedDigest Render(DigestReading reading, DigestFormat format) => format switch
    {
        // frame-ancestors is honoured only in a header, not in the page's own meta policy.
        DigestFormat.Html => new RenderedDigest(
            Encoding.UTF8.GetBytes(DigestHtml.Render(reading)), DigestMediaType.ContentType(format), DigestHtml.ContentSecurityPolicy + "; frame-ancestors 'none'"),
        DigestFormat.Markdown => new RenderedDigest(Encoding.UTF8.GetBytes(DigestMarkdown.Render(reading)), DigestMediaType.ContentType(format), null),
        DigestFormat.Pdf => new RenderedDigest(DigestPdf.Render(reading), DigestMediaType.ContentType(format), null),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A digest's JSON is its DigestResponse, not a rendering."),
    };
}

/// <summary>
/// 200 with the rendered bytes. <c>Vary: Accept</c> because the same URL answers in several formats; <c>nosniff</c> so
/// that no browser takes Markdown or a PDF for HTML.
/// </summary>
public sealed class RenderedDigest(byte[] content, string contentType, string? contentSecurityPolicy) : IResult
{
    public byte[] Content => content;
    public string ContentType => contentType;
    public string? ContentSecurityPolicy => contentSecurityPolicy;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        response.Headers.Vary = HeaderNames.Accept;
        response.Headers.XContentTypeOptions = "nosniff";
        if (contentSecurityPolicy is not null) response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        await response.Body.WriteAsync(content, httpContext.RequestAborted);
    }
}

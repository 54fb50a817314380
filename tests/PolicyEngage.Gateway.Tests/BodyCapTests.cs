using System.Net;
using System.Net.Http.Headers;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class BodyCapTests(GatewayFixture fixture)
{
    private const int OneMegabyte = 1_048_576;

    [Fact]
    public async Task A_declared_body_over_1_MB_is_413_even_before_authentication()
    {
        // Expect: 100-continue (as curl sends for large bodies) lets the client read the early answer instead of
        // failing on a connection the server closes without reading the oversized body.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers") { Content = JsonOfLength(OneMegabyte + 1) };
        request.Headers.ExpectContinue = true;

        var response = await fixture.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_1_MB_is_413_while_being_proxied()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers") { Content = JsonOfLength(OneMegabyte + 1) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Roles.PolicyAuthor));
        request.Headers.TransferEncodingChunked = true;

        var response = await fixture.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_of_exactly_1_MB_is_proxied_whole()
    {
        var response = await fixture.Client.SendAsync(HttpMethod.Post, "/api/papers", Tokens.For(Roles.PolicyAuthor), JsonOfLength(OneMegabyte));

        Assert.Equal(OneMegabyte, (await response.AssertProxiedAsync()).BodyBytes);
    }

    private static ByteArrayContent JsonOfLength(int bytes)
    {
        var body = new byte[bytes];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

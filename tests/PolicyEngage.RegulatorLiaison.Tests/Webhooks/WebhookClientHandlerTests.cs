using Microsoft.Extensions.Http.Resilience;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

/// <summary>The handler chain the factory builds for the webhook client, inspected down to its socket handler.</summary>
public sealed class WebhookClientHandlerTests
{
    [Fact]
    public void The_socket_handler_follows_no_redirect_uses_no_proxy_and_connects_through_the_guard()
    {
        using var transport = WebhookTransport.In("Production");

        var chain = HandlerChain(transport.Get<IHttpMessageHandlerFactory>().CreateHandler(WebhookClient.Name));

        var sockets = Assert.IsType<SocketsHttpHandler>(chain[^1]);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.False(sockets.UseProxy);
        Assert.False(sockets.UseCookies);
        Assert.NotNull(sockets.ConnectCallback);
        Assert.InRange(sockets.PooledConnectionLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        Assert.Single(chain, handler => handler is ResilienceHandler);
    }

    private static List<HttpMessageHandler> HandlerChain(HttpMessageHandler outermost)
    {
        var chain = new List<HttpMessageHandler> { outermost };
        while (chain[^1] is DelegatingHandler { InnerHandler: { } inner }) chain.Add(inner);
        return chain;
    }
}

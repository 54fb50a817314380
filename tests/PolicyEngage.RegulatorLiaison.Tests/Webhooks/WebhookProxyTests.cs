using System.Net;
using System.Net.Sockets;
using PolicyEngage.RegulatorLiaison.Webhooks;
using PolicyEngage.Testing.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

[CollectionDefinition(nameof(ProcessProxy), DisableParallelization = true)]
public sealed class ProcessProxy;

/// <summary>
/// HTTP_PROXY and HTTPS_PROXY reach HttpClient as <see cref="HttpClient.DefaultProxy"/>, read once per process; this test
/// sets that instead, alone in its collection so no other test's client sees it meanwhile.
/// </summary>
[Collection(nameof(ProcessProxy))]
public sealed class WebhookProxyTests
{
    [Fact]
    public async Task The_process_s_proxy_is_never_used_though_an_ordinary_client_would_use_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Parse("127.0.0.2"));
        using var proxy = new RefusingProxy();
        using var transport = WebhookTransport.ProductionAllowing127002();
        var processProxy = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = proxy;
        try
        {
            using (var ordinary = new HttpClient(new SocketsHttpHandler()))
                await Assert.ThrowsAsync<HttpRequestException>(() => ordinary.GetAsync(receiver.Url));
            var throughProxy = proxy.Connections; // SocketsHttpHandler tries a closed connection more than once
            Assert.True(throughProxy > 0);

            var outcome = await transport.Sender.SendAsync(receiver.Url, "wh_proxy", "{}"u8.ToArray(), [WebhookSecret.Generate()]);

            Assert.True(outcome.Succeeded, outcome.Error);
            Assert.Single(receiver.Received);
            Assert.Equal(throughProxy, proxy.Connections);
        }
        finally
        {
            HttpClient.DefaultProxy = processProxy;
        }
    }

    /// <summary>A proxy for every URL, loopback too, that counts the connections made to it and closes each at once.</summary>
    private sealed class RefusingProxy : IWebProxy, IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;

        public RefusingProxy()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Connections => Volatile.Read(ref _connections);

        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public bool IsBypassed(Uri host) => false;

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var connection = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception stopped) when (stopped is SocketException or ObjectDisposedException)
            {
                // disposed with the test
            }
        }
    }
}

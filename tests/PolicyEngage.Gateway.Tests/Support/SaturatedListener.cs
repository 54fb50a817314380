using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>
/// A port whose accept queue is full and never drained, so that the kernel drops further connection attempts and they
/// hang, as they do for a host that has gone away without refusing.
/// </summary>
public sealed class SaturatedListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public static SaturatedListener Start()
    {
        var saturated = new SaturatedListener();
        saturated._listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        saturated._listener.Listen(1);
        // Fill the queue: these handshakes complete, later ones do not.
        for (var i = 0; i < 4; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try { client.Connect(IPAddress.Loopback, saturated.Port); } catch (SocketException) { }
            saturated._queued.Add(client);
        }
        return saturated;
    }

    public void Dispose()
    {
        foreach (var socket in _queued) socket.Dispose();
        _listener.Dispose();
    }
}

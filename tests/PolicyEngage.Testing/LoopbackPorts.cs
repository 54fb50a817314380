using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.Testing;

/// <summary>Loopback ports nobody listens on, for the processes and brokers a test starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port the OS has just handed out and taken back.</summary>
    public static ushort Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A run of <paramref name="count"/> consecutive free ports (run.sh gives the four services a first port and the
    /// three after it). The OS picks the first; the others are tried, and another run taken if one is busy.
    /// </summary>
    public static int Consecutive(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            int first = Free();
            if (Enumerable.Range(first + 1, count - 1).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"Found no {count} consecutive free loopback ports in 50 attempts.");
    }

    private static bool IsFree(int port)
    {
        if (port > IPEndPoint.MaxPort) return false;
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

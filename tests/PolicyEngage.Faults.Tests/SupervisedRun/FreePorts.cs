using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.Faults.Tests.SupervisedRun;

internal static class FreePorts
{
    /// <summary>
    /// A run of <paramref name="count"/> consecutive loopback ports nobody listens on: run.sh gives the four services
    /// a first port and the three after it. The OS picks the first; the others are tried, and another run taken if busy.
    /// </summary>
    public static int Consecutive(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = OsAssigned();
            if (Enumerable.Range(first + 1, count - 1).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"Found no {count} consecutive free loopback ports in 50 attempts.");
    }

    private static int OsAssigned()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, checks every address it
/// stands for, and connects a socket to an address it checked. Never resolving twice is the point: a name that answers
/// a public address to the check and a private one to the connection (DNS rebinding) has nothing to switch between.
/// One blocked address among the answers refuses the attempt (SPEC): a name that stands for an internal host too is not
/// a regulator's public endpoint, whichever address a connection would happen to take.
/// </summary>
internal sealed class GuardedConnect(WebhookAddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = WebhookAddresses.LiteralOf(host) is { } literal ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

        var permitted = new List<IPAddress>();
        var refusals = new List<string>();
        foreach (var address in addresses)
        {
            if (policy.RefusalOf(address) is { } refusal) refusals.Add(refusal);
            else permitted.Add(address);
        }
        if (refusals.Count > 0 || permitted.Count == 0) throw new BlockedWebhookAddressException(host, refusals);

        SocketException? lastFailure = null;
        foreach (var address in permitted)
        {
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException failure)
            {
                socket.Dispose();
                lastFailure = failure;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw lastFailure!;
    }
}

using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>
/// Which range, if any, keeps webhooks away from an address. IPv6 forms that carry an IPv4 address for a translator or a
/// tunnel to reach (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address
/// they carry, so <c>::ffff:127.0.0.1</c> is loopback.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>The blocked range holding the address; null for an address webhooks may be sent to.</summary>
    public static BlockedAddressRange? BlockedRangeOf(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily == AddressFamily.InterNetwork ? OfIPv4(bytes[..written]) : OfIPv6(bytes[..written]);
    }

    /// <summary>The address a URL's host (<see cref="Uri.IdnHost"/>, or a connection's host) spells literally, or null for a name.</summary>
    public static IPAddress? LiteralOf(string host)
    {
        // Connections name IPv6 hosts bracketed, with the zone's '%' escaped as in the URL (fe80::1%25eth0).
        var unbracketed = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(Uri.UnescapeDataString(unbracketed), out var address) ? address : null;
    }

    public static string Describe(this BlockedAddressRange range) => range switch
    {
        BlockedAddressRange.Unspecified => "an unspecified address",
        BlockedAddressRange.Loopback => "a loopback address",
        BlockedAddressRange.Private => "a private address",
        BlockedAddressRange.Shared => "a shared (carrier-grade NAT) address",
        BlockedAddressRange.LinkLocal => "a link-local address",
        BlockedAddressRange.SiteLocal => "a site-local address",
        BlockedAddressRange.Multicast => "a multicast address",
        BlockedAddressRange.Broadcast => "the broadcast address",
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
    };

    private static BlockedAddressRange? OfIPv4(ReadOnlySpan<byte> a) => a switch
    {
        [0, ..] => BlockedAddressRange.Unspecified,
        [10, ..] => BlockedAddressRange.Private,
        [100, >= 64 and <= 127, ..] => BlockedAddressRange.Shared,
        [127, ..] => BlockedAddressRange.Loopback,
        [169, 254, ..] => BlockedAddressRange.LinkLocal,
        [172, >= 16 and <= 31, ..] => BlockedAddressRange.Private,
        [192, 168, ..] => BlockedAddressRange.Private,
        [>= 224 and <= 239, ..] => BlockedAddressRange.Multicast,
        [255, 255, 255, 255] => BlockedAddressRange.Broadcast,
        _ => null,
    };

    private static BlockedAddressRange? OfIPv6(ReadOnlySpan<byte> a)
    {
        if (!a.ContainsAnyExcept((byte)0)) return BlockedAddressRange.Unspecified;
        if (!a[..15].ContainsAnyExcept((byte)0) && a[15] == 1) return BlockedAddressRange.Loopback;
        if (EmbeddedIPv4At(a) is { } offset) return OfIPv4(a.Slice(offset, 4));
        return a switch
        {
            [0xfe, >= 0x80 and <= 0xbf, ..] => BlockedAddressRange.LinkLocal,
            [0xfe, >= 0xc0, ..] => BlockedAddressRange.SiteLocal,
            [0xfc or 0xfd, ..] => BlockedAddressRange.Private,
            // 64:ff9b:1::/48, NAT64 for local use (RFC 8215): the operator's translator, onto whatever IPv4 it serves
            [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..] => BlockedAddressRange.Private,
            [0xff, ..] => BlockedAddressRange.Multicast,
            _ => null,
        };
    }

    /// <summary>Where an IPv6 address carries an IPv4 one that a host, translator or relay would connect to.</summary>
    private static int? EmbeddedIPv4At(ReadOnlySpan<byte> a) => a switch
    {
        // ::a.b.c.d, IPv4-compatible (deprecated, still accepted by some stacks)
        _ when !a[..12].ContainsAnyExcept((byte)0) => 12,
        // ::ffff:a.b.c.d, IPv4-mapped
        _ when !a[..10].ContainsAnyExcept((byte)0) && a[10] == 0xff && a[11] == 0xff => 12,
        // 64:ff9b::a.b.c.d, the NAT64 well-known prefix (RFC 6052)
        [0x00, 0x64, 0xff, 0x9b, ..] when !a[4..12].ContainsAnyExcept((byte)0) => 12,
        // 2002:aabb:ccdd::/48, 6to4 (RFC 3056)
        [0x20, 0x02, ..] => 2,
        _ => null,
    };
}

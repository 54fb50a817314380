namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>The ranges no webhook is sent into: this host, the networks behind it, and addresses that name no single host.</summary>
public enum BlockedAddressRange
{
    /// <summary>0.0.0.0/8, <c>::</c>: "this host" on this network, which reaches our own listeners.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8, <c>::1</c>.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16 (RFC 1918), IPv6 unique local fc00::/7 and local-use NAT64 64:ff9b:1::/48.</summary>
    Private,

    /// <summary>100.64.0.0/10, carrier-grade NAT (RFC 6598).</summary>
    Shared,

    /// <summary>169.254/16 (the cloud metadata address 169.254.169.254 among them) and fe80::/10.</summary>
    LinkLocal,

    /// <summary>fec0::/10: deprecated, but still routed inside some sites.</summary>
    SiteLocal,

    /// <summary>224.0.0.0/4, ff00::/8.</summary>
    Multicast,

    /// <summary>255.255.255.255.</summary>
    Broadcast,
}

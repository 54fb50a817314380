using System.Net;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>
/// Which addresses webhooks may reach: none in a <see cref="BlockedAddressRange"/>, except inside the operator's
/// <c>Webhooks:AllowedNetworks</c> (an alliance whose regulators sit on a private link). In Development nothing is
/// blocked, so the local walk can post to a receiver on localhost.
/// </summary>
public sealed class WebhookAddressPolicy
{
    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;
    private readonly bool _blocksRanges;

    private WebhookAddressPolicy(IReadOnlyList<IPNetwork> allowedNetworks, bool blocksRanges)
    {
        _allowedNetworks = allowedNetworks;
        _blocksRanges = blocksRanges;
    }

    /// <summary>Every blocked range refused but for the allowed networks.</summary>
    public static WebhookAddressPolicy Blocking(IReadOnlyList<IPNetwork> allowedNetworks) => new(allowedNetworks, blocksRanges: true);

    /// <summary>Development's: every address allowed.</summary>
    public static WebhookAddressPolicy Unrestricted { get; } = new([], blocksRanges: false);

    public static WebhookAddressPolicy For(IHostEnvironment environment, WebhookOptions options) =>
        environment.IsDevelopment() ? Unrestricted : Blocking(options.AllowedNetworkList());

    /// <summary>Why no webhook may go to the address (<c>"127.0.0.1 is a loopback address"</c>), or null when it may.</summary>
    public string? RefusalOf(IPAddress address)
    {
        if (!_blocksRanges || IsAllowedNetwork(address)) return null;
        return WebhookAddresses.BlockedRangeOf(address) is { } range ? $"{address} is {range.Describe()}" : null;
    }

    private bool IsAllowedNetwork(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowedNetworks.Any(network => network.Contains(plain));
    }
}

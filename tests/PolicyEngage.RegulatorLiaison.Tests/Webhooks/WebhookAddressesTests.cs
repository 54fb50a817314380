using System.Net;
using PolicyEngage.RegulatorLiaison.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0", BlockedAddressRange.Unspecified)]
    [InlineData("0.1.2.3", BlockedAddressRange.Unspecified)]
    [InlineData("10.0.0.1", BlockedAddressRange.Private)]
    [InlineData("10.255.255.255", BlockedAddressRange.Private)]
    [InlineData("100.64.0.1", BlockedAddressRange.Shared)]
    [InlineData("100.127.255.255", BlockedAddressRange.Shared)]
    [InlineData("127.0.0.1", BlockedAddressRange.Loopback)]
    [InlineData("127.255.255.254", BlockedAddressRange.Loopback)]
    [InlineData("169.254.0.1", BlockedAddressRange.LinkLocal)]
    [InlineData("169.254.169.254", BlockedAddressRange.LinkLocal)]
    [InlineData("172.16.0.1", BlockedAddressRange.Private)]
    [InlineData("172.31.255.255", BlockedAddressRange.Private)]
    [InlineData("192.168.0.1", BlockedAddressRange.Private)]
    [InlineData("192.168.255.255", BlockedAddressRange.Private)]
    [InlineData("224.0.0.1", BlockedAddressRange.Multicast)]
    [InlineData("239.255.255.255", BlockedAddressRange.Multicast)]
    [InlineData("255.255.255.255", BlockedAddressRange.Broadcast)]
    [InlineData("::", BlockedAddressRange.Unspecified)]
    [InlineData("::1", BlockedAddressRange.Loopback)]
    [InlineData("fc00::1", BlockedAddressRange.Private)]
    [InlineData("fd12:3456:789a::1", BlockedAddressRange.Private)]
    [InlineData("fe80::1", BlockedAddressRange.LinkLocal)]
    [InlineData("febf:ffff::1", BlockedAddressRange.LinkLocal)]
    [InlineData("fec0::1", BlockedAddressRange.SiteLocal)]
    [InlineData("feff::1", BlockedAddressRange.SiteLocal)]
    [InlineData("ff02::1", BlockedAddressRange.Multicast)]
    [InlineData("ff0e::1", BlockedAddressRange.Multicast)]
    [InlineData("64:ff9b:1::a00:1", BlockedAddressRange.Private)]
    public void Addresses_in_a_blocked_range_are_classified(string address, BlockedAddressRange range) =>
        Assert.Equal(range, WebhookAddresses.BlockedRangeOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1", BlockedAddressRange.Loopback)]
    [InlineData("::ffff:10.1.2.3", BlockedAddressRange.Private)]
    [InlineData("::ffff:169.254.169.254", BlockedAddressRange.LinkLocal)]
    [InlineData("::ffff:0.0.0.0", BlockedAddressRange.Unspecified)]
    [InlineData("::127.0.0.1", BlockedAddressRange.Loopback)]
    [InlineData("::192.168.1.1", BlockedAddressRange.Private)]
    [InlineData("64:ff9b::127.0.0.1", BlockedAddressRange.Loopback)]
    [InlineData("64:ff9b::a00:1", BlockedAddressRange.Private)]
    [InlineData("2002:7f00:1::1", BlockedAddressRange.Loopback)]
    [InlineData("2002:c0a8:101::1", BlockedAddressRange.Private)]
    [InlineData("2002:a9fe:a9fe::", BlockedAddressRange.LinkLocal)]
    public void IPv6_forms_carrying_an_IPv4_address_are_judged_by_that_address(string address, BlockedAddressRange range) =>
        Assert.Equal(range, WebhookAddresses.BlockedRangeOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("fbff:ffff::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_and_their_IPv6_forms_are_not_blocked(string address) =>
        Assert.Null(WebhookAddresses.BlockedRangeOf(IPAddress.Parse(address)));

    [Fact]
    public void A_link_local_address_with_a_zone_is_still_link_local() =>
        Assert.Equal(BlockedAddressRange.LinkLocal, WebhookAddresses.BlockedRangeOf(WebhookAddresses.LiteralOf("[fe80::1%25lo]")!));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1")]
    public void A_host_that_spells_an_address_is_that_address(string host, string address) =>
        Assert.Equal(IPAddress.Parse(address), WebhookAddresses.LiteralOf(host));

    [Theory]
    [InlineData("localhost")]
    [InlineData("regulator.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("[localhost]")]
    public void A_host_name_is_no_literal_address(string host) => Assert.Null(WebhookAddresses.LiteralOf(host));
}

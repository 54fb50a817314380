using System.Net;
using PolicyEngage.RegulatorLiaison.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is a loopback address")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1 is a loopback address")]
    [InlineData("10.0.0.8", "10.0.0.8 is a private address")]
    [InlineData("169.254.169.254", "169.254.169.254 is a link-local address")]
    [InlineData("100.64.1.1", "100.64.1.1 is a shared (carrier-grade NAT) address")]
    [InlineData("0.0.0.0", "0.0.0.0 is an unspecified address")]
    [InlineData("ff02::1", "ff02::1 is a multicast address")]
    public void A_blocking_policy_names_the_address_and_its_range(string address, string refusal) =>
        Assert.Equal(refusal, WebhookAddressPolicy.Blocking([]).RefusalOf(IPAddress.Parse(address)));

    [Fact]
    public void A_blocking_policy_lets_public_addresses_through()
    {
        var policy = WebhookAddressPolicy.Blocking([]);

        Assert.Null(policy.RefusalOf(IPAddress.Parse("8.8.8.8")));
        Assert.Null(policy.RefusalOf(IPAddress.Parse("2001:4860:4860::8888")));
    }

    [Fact]
    public void An_allowed_network_exempts_its_own_addresses_and_no_others()
    {
        var policy = WebhookAddressPolicy.Blocking([IPNetwork.Parse("10.20.0.0/16"), IPNetwork.Parse("fd00:1::/64")]);

        Assert.Null(policy.RefusalOf(IPAddress.Parse("10.20.3.4")));
        Assert.Null(policy.RefusalOf(IPAddress.Parse("::ffff:10.20.3.4")));
        Assert.Null(policy.RefusalOf(IPAddress.Parse("fd00:1::7")));
        Assert.NotNull(policy.RefusalOf(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(policy.RefusalOf(IPAddress.Parse("fd00:2::7")));
        Assert.NotNull(policy.RefusalOf(IPAddress.Loopback));
    }

    [Fact]
    public void Development_blocks_nothing_and_every_other_environment_blocks_with_the_configured_networks()
    {
        var options = new WebhookOptions { AllowedNetworks = "127.0.0.2/32" };

        var development = WebhookAddressPolicy.For(new TestHostEnvironment("Development"), options);
        var production = WebhookAddressPolicy.For(new TestHostEnvironment("Production"), options);
        var staging = WebhookAddressPolicy.For(new TestHostEnvironment("Staging"), options);

        Assert.Null(development.RefusalOf(IPAddress.Loopback));
        Assert.Null(development.RefusalOf(IPAddress.Parse("192.168.1.1")));
        Assert.NotNull(production.RefusalOf(IPAddress.Loopback));
        Assert.Null(production.RefusalOf(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(staging.RefusalOf(IPAddress.Parse("192.168.1.1")));
    }
}

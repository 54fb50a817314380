using System.Net;
using PolicyEngage.RegulatorLiaison.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookUrlRulesTests
{
    private static readonly WebhookUrlRules Production = new(WebhookAddressPolicy.Blocking([]), allowPlainHttp: false);
    private static readonly WebhookUrlRules Development = new(WebhookAddressPolicy.Unrestricted, allowPlainHttp: true);

    [Theory]
    [InlineData("https://regulator.example/hooks")]
    [InlineData("https://regulator.example:8443/hooks/digests?token=abc")]
    [InlineData("https://8.8.8.8/")]
    [InlineData("https://[2001:4860:4860::8888]/")]
    [InlineData("https://127.0.0.1.nip.io/")]
    [InlineData("https://regulator.example./")]
    public void Outside_Development_an_https_URL_to_a_name_or_a_public_address_registers(string url) =>
        Assert.Null(Production.Check(url));

    [Theory]
    [InlineData(null, "The url is required.")]
    [InlineData("", "The url is required.")]
    [InlineData("   ", "The url is required.")]
    [InlineData("regulator.example/hooks", "The url must be an absolute https URL.")]
    [InlineData("/hooks", "The url must be an absolute https URL.")]
    [InlineData("ftp://regulator.example/", "The url must be an absolute https URL.")]
    [InlineData("file:///etc/passwd", "The url must be an absolute https URL.")]
    [InlineData("https://regulator.example:99999/", "The url must be an absolute https URL.")]
    [InlineData("http://regulator.example/hooks", "The url must use https: digests are sent only encrypted.")]
    [InlineData("https://user:secret@regulator.example/", "The url must not carry a user name or password.")]
    [InlineData("https://user@regulator.example/", "The url must not carry a user name or password.")]
    [InlineData("https://@regulator.example/", "The url must not carry a user name or password.")]
    [InlineData("https://regulator.example/hooks#digest", "The url must not have a fragment (#...): it is never sent.")]
    [InlineData("https://regulator.example/hooks#", "The url must not have a fragment (#...): it is never sent.")]
    public void Outside_Development_a_malformed_URL_is_refused_with_its_reason(string? url, string error) =>
        Assert.Equal(error, Production.Check(url));

    [Theory]
    [InlineData("https://127.0.0.1/", "127.0.0.1 is a loopback address")]
    [InlineData("https://127.0.0.1:8443/hooks", "127.0.0.1 is a loopback address")]
    [InlineData("https://2130706433/", "127.0.0.1 is a loopback address")]
    [InlineData("https://0x7f.1/", "127.0.0.1 is a loopback address")]
    [InlineData("https://0x7f000001/", "127.0.0.1 is a loopback address")]
    [InlineData("https://0177.0.0.1/", "127.0.0.1 is a loopback address")]
    [InlineData("https://127.1/", "127.0.0.1 is a loopback address")]
    [InlineData("https://0/", "0.0.0.0 is an unspecified address")]
    [InlineData("https://[::1]/", "::1 is a loopback address")]
    [InlineData("https://[::]/", ":: is an unspecified address")]
    [InlineData("https://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address")]
    [InlineData("https://[::ffff:7f00:1]/", "::ffff:127.0.0.1 is a loopback address")]
    [InlineData("https://[64:ff9b::7f00:1]/", "64:ff9b::7f00:1 is a loopback address")]
    [InlineData("https://10.1.2.3/", "10.1.2.3 is a private address")]
    [InlineData("https://172.16.5.4/", "172.16.5.4 is a private address")]
    [InlineData("https://192.168.0.10/", "192.168.0.10 is a private address")]
    [InlineData("https://[fd00::1]/", "fd00::1 is a private address")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address")]
    [InlineData("https://[fe80::1%25eth0]/", "is a link-local address")]
    [InlineData("https://100.64.0.1/", "100.64.0.1 is a shared (carrier-grade NAT) address")]
    [InlineData("https://224.0.0.1/", "224.0.0.1 is a multicast address")]
    [InlineData("https://255.255.255.255/", "255.255.255.255 is the broadcast address")]
    [InlineData("https://localhost/", "localhost is a loopback name")]
    [InlineData("https://LOCALHOST./", "localhost is a loopback name")]
    [InlineData("https://digests.localhost:8443/", "digests.localhost is a loopback name")]
    public void Outside_Development_a_literal_blocked_address_in_any_spelling_is_refused(string url, string refusal)
    {
        var error = Production.Check(url);

        Assert.NotNull(error);
        Assert.StartsWith("The url's host ", error);
        Assert.Contains(refusal, error);
        Assert.EndsWith("webhooks are not sent to loopback, private, link-local, shared, multicast or unspecified addresses.", error);
    }

    [Fact]
    public void A_URL_of_2000_characters_registers_and_one_of_2001_does_not()
    {
        var prefix = "https://regulator.example/";
        var longest = prefix + new string('a', WebhookUrlRules.MaxLength - prefix.Length);

        Assert.Null(Production.Check(longest));
        Assert.Equal("The url is longer than 2000 characters.", Production.Check(longest + "a"));
    }

    [Theory]
    [InlineData("http://localhost:5000/hooks")]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://[::1]:9000/")]
    [InlineData("https://192.168.1.20/")]
    public void In_Development_plain_http_and_local_addresses_register_for_the_local_walk(string url) =>
        Assert.Null(Development.Check(url));

    [Theory]
    [InlineData("ftp://localhost/", "The url must be an absolute http or https URL.")]
    [InlineData("http://user@localhost/", "The url must not carry a user name or password.")]
    [InlineData("http://localhost/#top", "The url must not have a fragment (#...): it is never sent.")]
    public void In_Development_the_syntax_rules_still_hold(string url, string error) =>
        Assert.Equal(error, Development.Check(url));

    [Fact]
    public void An_allowed_network_s_literal_addresses_register_outside_Development()
    {
        var rules = new WebhookUrlRules(WebhookAddressPolicy.Blocking([IPNetwork.Parse("10.20.0.0/16")]), allowPlainHttp: false);

        Assert.Null(rules.Check("https://10.20.3.4/hooks"));
        Assert.Contains("10.21.0.1 is a private address", rules.Check("https://10.21.0.1/hooks"));
        Assert.Contains("localhost is a loopback name", rules.Check("https://localhost/hooks"));
    }

    [Fact]
    public void The_registered_rules_follow_the_environment()
    {
        using var development = WebhookTransport.In("Development");
        using var production = WebhookTransport.In("Production");

        Assert.Null(development.Get<WebhookUrlRules>().Check("http://localhost:5000/hooks"));
        Assert.NotNull(production.Get<WebhookUrlRules>().Check("http://localhost:5000/hooks"));
        Assert.Contains("localhost is a loopback name", production.Get<WebhookUrlRules>().Check("https://localhost:5000/hooks"));
    }
}

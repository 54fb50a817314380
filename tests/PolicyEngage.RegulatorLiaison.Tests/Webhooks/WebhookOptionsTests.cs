using System.Net;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void Unconfigured_the_options_are_the_specification_s_defaults()
    {
        using var transport = WebhookTransport.In("Production");

        var options = transport.Get<IOptions<WebhookOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)],
            options.RetrySpans());
        Assert.Empty(options.AllowedNetworkList());
        Assert.Equal(TimeSpan.FromHours(24), options.SecretOverlap);
    }

    [Fact]
    public void The_Webhooks_section_sets_them()
    {
        using var transport = WebhookTransport.In("Production",
            ("Webhooks:Timeout", "00:00:02"),
            ("Webhooks:RetrySchedule", "00:00:01, 00:00:30"),
            ("Webhooks:AllowedNetworks", "10.20.0.0/16, fd00:1::/64"),
            ("Webhooks:SecretOverlap", "01:00:00"));

        var options = transport.Get<IOptions<WebhookOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)], options.RetrySpans());
        Assert.Equal([IPNetwork.Parse("10.20.0.0/16"), IPNetwork.Parse("fd00:1::/64")], options.AllowedNetworkList());
        Assert.Equal(TimeSpan.FromHours(1), options.SecretOverlap);
    }

    [Fact]
    public void An_empty_schedule_means_a_single_attempt()
    {
        using var transport = WebhookTransport.In("Production", ("Webhooks:RetrySchedule", ""));

        Assert.Empty(transport.Get<IOptions<WebhookOptions>>().Value.RetrySpans());
    }

    [Theory]
    [InlineData("Webhooks:RetrySchedule", "00:00:05,5", "Webhooks:RetrySchedule: '5' is not a span")]
    [InlineData("Webhooks:RetrySchedule", "00:00:00", "'00:00:00' is not a span")]
    [InlineData("Webhooks:RetrySchedule", "-00:00:05", "'-00:00:05' is not a span")]
    [InlineData("Webhooks:RetrySchedule", "1.00:00:01", "'1.00:00:01' is not a span")]
    [InlineData("Webhooks:RetrySchedule", "soon", "'soon' is not a span")]
    [InlineData("Webhooks:AllowedNetworks", "10.0.0.0/33", "Webhooks:AllowedNetworks: '10.0.0.0/33' is not a network")]
    [InlineData("Webhooks:AllowedNetworks", "10.0.0.0", "'10.0.0.0' is not a network")]
    [InlineData("Webhooks:AllowedNetworks", "intranet", "'intranet' is not a network")]
    [InlineData("Webhooks:Timeout", "00:00:00", "Timeout")]
    [InlineData("Webhooks:Timeout", "00:10:00", "Timeout")]
    public void A_malformed_setting_is_refused_naming_what_is_wrong(string key, string value, string message)
    {
        using var transport = WebhookTransport.In("Production", (key, value));

        var refused = Assert.Throws<OptionsValidationException>(() => transport.Get<IOptions<WebhookOptions>>().Value);

        Assert.Contains(message, refused.Message);
    }
}

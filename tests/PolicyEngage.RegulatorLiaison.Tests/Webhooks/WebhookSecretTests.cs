using PolicyEngage.RegulatorLiaison.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Fact]
    public void A_generated_secret_is_whsec_and_the_base64_of_32_random_bytes()
    {
        var secret = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSecret.Generate());
    }

    [Fact]
    public void The_key_is_the_base64_decoded_bytes_after_the_prefix()
    {
        var bytes = Enumerable.Range(1, 32).Select(b => (byte)b).ToArray();

        Assert.True(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(bytes), out var key));
        Assert.Equal(bytes, key);
        Assert.Equal(bytes, WebhookSecret.Parse("whsec_" + Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(64)]
    public void Keys_from_24_to_64_bytes_are_accepted_as_the_specification_allows(int length)
    {
        Assert.True(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[length]), out var key));
        Assert.Equal(length, key.Length);
    }

    public static TheoryData<string?> Malformed() => new()
    {
        null,
        "",
        "whsec_",
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",
        "whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_",
        "whsec_" + Convert.ToBase64String(new byte[23]),
        "whsec_" + Convert.ToBase64String(new byte[65]),
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_secrets_are_refused(string? secret)
    {
        Assert.False(WebhookSecret.TryParse(secret, out _));
        if (secret is not null) Assert.Throws<FormatException>(() => WebhookSecret.Parse(secret));
    }
}

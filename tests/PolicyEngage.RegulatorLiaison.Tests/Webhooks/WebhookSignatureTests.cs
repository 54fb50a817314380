using System.Text;
using PolicyEngage.RegulatorLiaison.Webhooks;
using StandardWebhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks reference vector: libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs (verifyWebhookSignWorks)
    // in github.com/standard-webhooks/standard-webhooks; the project's other language libraries test the same values.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorPayload = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Signs_the_Standard_Webhooks_reference_vector()
    {
        var signature = WebhookSignature.Sign(VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorPayload), [VectorSecret]);

        Assert.Equal(VectorSignature, signature);
    }

    [Fact]
    public void Each_secret_adds_its_own_v1_entry_in_order_space_separated()
    {
        var other = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes(VectorPayload);

        var signature = WebhookSignature.Sign(VectorId, VectorTimestamp, body, [VectorSecret, other]);

        Assert.Equal(
            $"{VectorSignature} {WebhookSignature.Sign(VectorId, VectorTimestamp, body, [other])}",
            signature);
        Assert.NotEqual(VectorSignature, WebhookSignature.Sign(VectorId, VectorTimestamp, body, [other]));
    }

    [Theory]
    [InlineData("""{"type":"digest.delivered","data":{"title":"Règles de marché 市场规则"}}""")]
    [InlineData("")]
    [InlineData("{\n  \"spaced\" : true\n}\n")]
    public void Agrees_with_the_StandardWebhooks_library_on_any_body(string payload)
    {
        var secret = WebhookSecret.Generate();

        var ours = WebhookSignature.Sign("wh_1", 1700000000, Encoding.UTF8.GetBytes(payload), [secret]);

        Assert.Equal(new StandardWebhook(secret).Sign("wh_1", DateTimeOffset.FromUnixTimeSeconds(1700000000), payload), ours);
    }

    /// <summary>
    /// Pinned because it makes the order of the secrets matter to receivers on that package: whichever signs first is the
    /// only one they check. When an upgrade fixes it, this fails, and the newest-first advice on the sender can go.
    /// </summary>
    [Fact]
    public void The_StandardWebhooks_package_1_1_2_checks_only_the_first_of_several_signatures()
    {
        string first = WebhookSecret.Generate(), second = WebhookSecret.Generate();
        var now = DateTimeOffset.UtcNow;
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = VectorId,
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(),
            ["webhook-signature"] = WebhookSignature.Sign(VectorId, now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(VectorPayload), [first, second]),
        };

        new StandardWebhook(first).Verify(VectorPayload, headers);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(second).Verify(VectorPayload, headers));
    }

    [Fact]
    public void The_exact_body_bytes_are_signed_so_a_byte_order_mark_changes_the_signature()
    {
        var body = Encoding.UTF8.GetBytes(VectorPayload);
        var withBom = Encoding.UTF8.GetPreamble().Concat(body).ToArray();

        Assert.NotEqual(
            WebhookSignature.Sign(VectorId, VectorTimestamp, body, [VectorSecret]),
            WebhookSignature.Sign(VectorId, VectorTimestamp, withBom, [VectorSecret]));
    }

    [Fact]
    public void An_id_with_a_full_stop_no_secret_or_a_malformed_secret_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(VectorPayload);

        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign("msg.1", VectorTimestamp, body, [VectorSecret]));
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign(VectorId, VectorTimestamp, body, []));
        Assert.Throws<FormatException>(() => WebhookSignature.Sign(VectorId, VectorTimestamp, body, ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]));
    }
}

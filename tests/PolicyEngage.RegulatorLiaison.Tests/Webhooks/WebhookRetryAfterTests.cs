using System.Globalization;
using System.Net;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhookRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("2", 2)]
    [InlineData("120", 120)]
    [InlineData(" 120 ", 120)]
    [InlineData("86400", 86400)]
    [InlineData("86401", 86400)]
    [InlineData("2000000000", 86400)]
    public void Delta_seconds_are_the_wait_up_to_24_hours(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookRetryAfter.Parse(value, Now));

    [Fact]
    public void An_HTTP_date_is_the_wait_until_it_up_to_24_hours_and_a_past_one_is_none()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), WebhookRetryAfter.Parse(HttpDate(Now.AddSeconds(90)), Now));
        Assert.Equal(TimeSpan.FromHours(24), WebhookRetryAfter.Parse(HttpDate(Now.AddDays(3)), Now));
        Assert.Equal(TimeSpan.Zero, WebhookRetryAfter.Parse(HttpDate(Now.AddMinutes(-5)), Now));
        // RFC 9110's obsolete RFC 850 form, which recipients still accept.
        Assert.Equal(TimeSpan.FromMinutes(30), WebhookRetryAfter.Parse("Monday, 04-May-26 10:30:00 GMT", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void A_value_in_neither_form_asks_for_no_particular_wait(string? value) =>
        Assert.Null(WebhookRetryAfter.Parse(value, Now));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 2)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 2)]
    [InlineData(HttpStatusCode.InternalServerError, null)]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.Moved, null)]
    public void Only_a_429_or_503_s_Retry_After_counts(HttpStatusCode status, int? seconds)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Retry-After", "2");

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, WebhookRetryAfter.Of(response, Now));
    }

    [Fact]
    public void A_429_without_Retry_After_asks_for_no_particular_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(WebhookRetryAfter.Of(response, Now));
    }

    private static string HttpDate(DateTimeOffset at) => at.ToString("r", CultureInfo.InvariantCulture);
}

using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.ServiceDefaults.Tests.Json;

public class JsonDefaultsTests
{
    private sealed record Decision(ReviewOutcome? Outcome);

    [Theory]
    [InlineData("""{"outcome":"RequestChanges, Reject"}""")]
    [InlineData("""{"outcome":"Maybe"}""")]
    [InlineData("""{"outcome":1}""")]
    [InlineData("""{"outcome":"1"}""")]
    public void Only_names_an_enum_defines_bind(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decision>(json, JsonDefaults.Options));
    }

    [Fact]
    public void Enums_travel_as_their_names_and_names_are_camelCase()
    {
        var json = JsonSerializer.Serialize(new Decision(ReviewOutcome.RequestChanges), JsonDefaults.Options);

        Assert.Equal("""{"outcome":"RequestChanges"}""", json);
        Assert.Equal(ReviewOutcome.RequestChanges, JsonSerializer.Deserialize<Decision>(json, JsonDefaults.Options)!.Outcome);
        Assert.Null(JsonSerializer.Deserialize<Decision>("""{"outcome":null}""", JsonDefaults.Options)!.Outcome);
    }
}

using System.Text.Json;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.ServiceDefaults.Tests.Hashing;

/// <summary>Vectors from RFC 8785 and ECMAScript's Number::toString: anyone recomputing our hashes gets these bytes.</summary>
public class CanonicalJsonTests
{
    [Fact]
    public void Keys_sort_by_UTF16_code_units_not_by_code_points()
    {
        const string input = """{"\u20ac":"Euro","\r":"CR","\ufb33":"Dalet","1":"One","\ud83d\ude00":"Emoji","\u0080":"Control","\u00f6":"o"}""";

        var canonical = CanonicalJson.Serialize(JsonDocument.Parse(input).RootElement);

        Assert.Equal("{\"\\r\":\"CR\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"o\",\"\u20ac\":\"Euro\",\"\ud83d\ude00\":\"Emoji\",\"\ufb33\":\"Dalet\"}", canonical);
    }

    [Fact]
    public void Whitespace_goes_and_nested_objects_sort_too()
    {
        const string input = """ { "b" : [ 1 , { "z" : null , "a" : true } ] , "a" : false } """;

        Assert.Equal("""{"a":false,"b":[1,{"a":true,"z":null}]}""", CanonicalJson.Serialize(JsonDocument.Parse(input).RootElement));
    }

    [Theory]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("-0", "0")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("9007199254740991", "9007199254740991")]
    public void Numbers_take_their_ECMAScript_form(string json, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Serialize(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Strings_escape_only_what_JSON_stringify_escapes()
    {
        var value = "quote\" backslash\\ tab\t newline\n bell\u0007 slash/ euro\u20ac <script>";

        Assert.Equal("\"quote\\\" backslash\\\\ tab\\t newline\\n bell\\u0007 slash/ euro\u20ac <script>\"", CanonicalJson.Serialize(value));
    }

    [Fact]
    public void The_content_hash_of_a_paper_is_reproducible_by_hand()
    {
        var hash = Sha256Hex.OfCanonicalJson(new { Title = "T", Summary = "S", Body = "B" });

        // echo -n '{"body":"B","summary":"S","title":"T"}' | sha256sum
        Assert.Equal("23a844424a01cf9bcd88ffcfa409326237106c8c14864f5f464a7e3addce54be", hash);
        Assert.True(Sha256Hex.IsWellFormed(hash));
        Assert.False(Sha256Hex.IsWellFormed(hash.ToUpperInvariant()));
        Assert.False(Sha256Hex.IsWellFormed(hash[..63]));
    }
}

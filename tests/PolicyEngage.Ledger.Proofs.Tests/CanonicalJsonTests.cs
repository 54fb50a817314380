using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>The RFC 8785 vectors themselves live in ServiceDefaults' tests (which run through this code); here, the node path.</summary>
public class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{"b":[1,{"z":null,"a":true}],"a":false}""")]
    [InlineData("""{"\u20ac":"Euro","\r":"CR","\ufb33":"Dalet","1":"One","\ud83d\ude00":"Emoji","\u0080":"Control","\u00f6":"o"}""")]
    [InlineData("""[333333333.33333329,1E30,4.50,2e-3,1e-7,-0,"tab\t bell\u0007 <script>"]""")]
    [InlineData("null")]
    public void A_node_canonicalizes_exactly_as_its_element_does(string json)
    {
        Assert.Equal(CanonicalJson.Serialize(JsonDocument.Parse(json).RootElement), CanonicalJson.Serialize(JsonNode.Parse(json)));
    }

    [Fact]
    public void A_node_built_in_code_canonicalizes_like_its_parsed_text()
    {
        var built = new JsonObject { ["title"] = "Café", ["n"] = 0.8333, ["ok"] = true, ["none"] = null };

        Assert.Equal("""{"n":0.8333,"none":null,"ok":true,"title":"Café"}""", CanonicalJson.Serialize(built));
    }
}

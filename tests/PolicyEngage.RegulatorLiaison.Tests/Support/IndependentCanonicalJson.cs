using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>
/// RFC 8785 written again from the SPEC, without the service's code, for the JSON digests contain (objects, arrays,
/// strings, integers, a group's similarity, booleans, null), so that a test recomputes a published hash the way an outsider would.
/// </summary>
public static partial class IndependentCanonicalJson
{
    public static string Sha256HexOf(JsonNode? node) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Write(node))));

    public static string Write(JsonNode? node)
    {
        var output = new StringBuilder();
        Append(output, node);
        return output.ToString();
    }

    private static void Append(StringBuilder output, JsonNode? node)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                output.Append('{');
                output.AppendJoin(',', obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Write(p.Value)}"));
                output.Append('}');
                break;
            case JsonArray array:
                output.Append('[');
                output.AppendJoin(',', array.Select(Write));
                output.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                output.Append(Quote(value.GetValue<string>()));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var number = value.ToJsonString();
                // ECMAScript writes a number between 1e-6 and 1e21 as plain digits, no exponent, no trailing zero; so does
                // System.Text.Json's shortest round trip, for the integers and 4-decimal similarities a digest holds.
                if (!PlainNumber().IsMatch(number)) throw new NotSupportedException($"Only plain decimal numbers are expected in a digest, not {number}.");
                output.Append(number);
                break;
            case JsonValue value:
                output.Append(value.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
        }
    }

    /// <summary>As ECMAScript's JSON.stringify: short escapes, \u00xx for other controls, everything else literal.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$")]
    private static partial Regex PlainNumber();
}

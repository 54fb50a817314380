using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyEngage.Ledger.Proofs;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units, no insignificant
/// whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers in ECMAScript form.
/// Published hashes depend on it, so anyone must be able to reproduce it byte for byte.
/// </summary>
public static class CanonicalJson
{
    public static string Serialize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    /// <summary>A node goes through its JSON text, so it takes exactly the element path above (null is JSON null).</summary>
    public static string Serialize(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return Serialize(document.RootElement);
    }

    private static void Write(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteString(output, property.Name);
                    output.Append(':');
                    Write(output, property.Value);
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0) output.Append(',');
                    Write(output, item);
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(output, element.GetString()!);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(element.GetDouble()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new ArgumentException($"Cannot canonicalize a JSON {element.ValueKind}.");
        }
    }

    /// <summary>A string as RFC 8785 writes it, quotes included: for writers that assemble canonical JSON of a known shape.</summary>
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }

    /// <summary>ECMAScript Number::toString, from the shortest round-trip digits .NET gives.</summary>
    internal static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentException("NaN and infinities have no JSON form.");
        if (value == 0) return "0";

        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip.StartsWith('-');
        if (negative) roundTrip = roundTrip[1..];

        var exponentAt = roundTrip.IndexOf('E');
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerLength = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", "");
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');

        // value = 0.digits × 10^n, with k significant digits (ECMA-262 Number::toString).
        var k = digits.Length;
        var n = integerLength - leadingZeros + exponent;

        string text;
        if (k <= n && n <= 21) text = digits + new string('0', n - k);
        else if (0 < n && n <= 21) text = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) text = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            text = digits[..1] + (k > 1 ? "." + digits[1..] : "") + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + text : text;
    }
}

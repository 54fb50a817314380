using System.Text;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>
/// Generates malformed and hostile requests from the matrix's routes: junk and foreign ids in the path, bodies that
/// are random JSON or a plausible shape with at least one field broken (so even a caller allowed on the route must
/// be refused), script and SQL fragments, control characters and huge strings. Seeded, so a failure replays.
/// </summary>
public sealed class HostileRequests(int seed, IReadOnlyDictionary<string, Guid> resources)
{
    private static readonly string[] Nasty =
    [
        "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE Papers; --", "../../etc/passwd", "\u0000", "\u0007\u001b[2J",
        "%00", "{{7*7}}", "${jndi:ldap://x}", "\ud83d\ude00", "\u202e", "null", "", " ",
    ];

    private readonly Random _random = new(seed);

    public (HttpMethod Method, string Path, HttpContent? Content) Next(MatrixRow row)
    {
        var path = FillPath(row.Path);
        var content = row.Body is null && _random.Next(3) > 0 ? null : Body(row);
        return (new HttpMethod(row.Method), path, content);
    }

    private string FillPath(string template)
    {
        var path = template;
        foreach (var (name, id) in resources)
            path = path.Replace($"{{{name}}}", IdFor(id));
        return path;
    }

    /// <summary>The route's own target (whose change the matrix proved refused), a random id, a foreign kind of id, or junk.</summary>
    private string IdFor(Guid own) => _random.Next(6) switch
    {
        0 or 1 => own.ToString(),
        2 => Guid.NewGuid().ToString(),
        3 => (_random.Next(2) == 0 ? resources["digest"] : resources["reviewCase"]).ToString(),
        4 => Uri.EscapeDataString(Pick(Nasty)),
        _ => Uri.EscapeDataString(new string('9', _random.Next(1, 300))),
    };

    private HttpContent Body(MatrixRow row)
    {
        var kind = _random.Next(10);
        if (kind == 0) return new StringContent(Pick(Nasty) + "{", Encoding.UTF8, "application/json");
        if (kind == 1) return new StringContent("title=x&body=y", Encoding.UTF8, "application/x-www-form-urlencoded");
        if (kind == 2) return Json(RandomValue(depth: 0));
        return Json(BrokenShape(row));
    }

    /// <summary>A plausible body with a field broken and the required ones missing, plus hostile text elsewhere.</summary>
    private JsonObject BrokenShape(MatrixRow row)
    {
        var shape = new JsonObject
        {
            ["consultationId"] = resources["openConsultation"].ToString(),
            ["regulatorId"] = Guid.NewGuid().ToString(),
            ["title"] = Pick(Nasty) + "title",
            ["summary"] = Pick(Nasty) + "summary",
            ["body"] = Pick(Nasty) + "body",
            ["reference"] = Pick(Nasty) + "ref",
            ["name"] = Pick(Nasty) + "name",
            ["jurisdiction"] = "EU",
            ["closesAt"] = DateTime.UtcNow.AddDays(3).ToString("O"),
            ["decision"] = "Approve",
            ["comment"] = Pick(Nasty) + "comment",
            ["contentHash"] = new string('a', 64),
        };
        var field = Pick(shape.Select(p => p.Key).ToArray());
        shape[field] = _random.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next()),
            2 => new string('x', field == "body" ? 210 * 1024 : 5_001),
            3 => "bad\u0001control",
            4 => new JsonArray("x", 1, null),
            5 => field == "closesAt" ? DateTime.UtcNow.AddYears(-1).ToString("O") : "Approve, Reject",
            _ => JsonValue.Create(true),
        };
        // Whatever else was drawn, the fields the writing routes require are gone: no caller can change anything.
        shape.Remove("title");
        shape.Remove("name");
        shape.Remove("decision");
        if (row.Path.Contains("acknowledge")) shape["contentHash"] = Pick(Nasty);
        return shape;
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.NextDouble() * 1e300),
        2 => JsonValue.Create(Pick(Nasty)),
        3 => JsonValue.Create(new string((char)_random.Next(1, 0xD7FF), _random.Next(0, 2_000))),
        4 => new JsonArray(Enumerable.Range(0, _random.Next(5)).Select(_ => RandomValue(depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, _random.Next(6))
            .Select(i => KeyValuePair.Create(Pick(["title", "body", "id", "decision", "__proto__", $"k{i}"]) + i, RandomValue(depth + 1)))),
    };

    private static StringContent Json(JsonNode? node) => new(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}

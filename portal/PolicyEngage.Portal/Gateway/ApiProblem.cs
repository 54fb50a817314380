using System.Net;
using System.Text.Json;

namespace PolicyEngage.Portal.Gateway;

/// <summary>
/// A refusal from the API (RFC 7807): its status, what it said, and which fields it named, so a page can put each
/// message beside the field it concerns.
/// </summary>
public sealed record ApiProblem(HttpStatusCode Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Read(HttpStatusCode status, string body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? title = null, detail = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                    foreach (var field in e.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray()
                            : [field.Value.ToString()];
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the status alone speaks, never the raw body.
        }
        return new ApiProblem(status, title, detail, errors);
    }
}

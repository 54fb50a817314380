using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyEngage.ServiceDefaults.Json;

/// <summary>
/// The one JSON shape of the system: camelCase, enums as strings, numbers as JSON numbers only (the web defaults also
/// read "1" as 1, which would make every integer in the OpenAPI documents "integer or string"). HTTP, the outbox and
/// the bus all use it.
/// </summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new DefinedEnumConverterFactory());
        return options;
    }
}

using System.Text.Json;

namespace PolicyEngage.ServiceDefaults.Json;

/// <summary>The one JSON shape of the system: camelCase, enums as strings. HTTP, the outbox and the bus all use it.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new DefinedEnumConverterFactory());
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyEngage.ServiceDefaults.Json;

/// <summary>
/// Enums by name only, and only names the enum defines: the framework's string converter would also take a
/// comma-separated combination such as "Approve, Reject" for any enum, flags or not.
/// </summary>
internal sealed class DefinedEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new(allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(DefinedEnumConverter<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options))!;
}

internal sealed class DefinedEnumConverter<T>(JsonConverter names) : JsonConverter<T> where T : struct, Enum
{
    private readonly JsonConverter<T> _names = (JsonConverter<T>)names;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = _names.Read(ref reader, typeToConvert, options);
        return Enum.IsDefined(value) ? value : throw new JsonException($"Expected one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _names.Write(writer, value, options);
}

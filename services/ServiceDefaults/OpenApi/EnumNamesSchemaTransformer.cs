using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolicyEngage.ServiceDefaults.OpenApi;

/// <summary>
/// Enums travel as their defined names (<see cref="Json.JsonDefaults"/>), through a converter of ours that the document
/// generator cannot see through: without this, every enum is an empty schema and a generated client types it unknown.
/// </summary>
internal sealed class EnumNamesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;

        schema.Type = JsonSchemaType.String;
        schema.Enum = Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.ServiceDefaults.OpenApi;

/// <summary>
/// Request bodies bind every field as nullable so that validation, not the JSON reader, names what is missing; but
/// a null is answered 400 like any other invalid value. Their documents therefore show each field as what is valid,
/// without null, and a generated client types it so.
/// </summary>
internal sealed class RequestSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.JsonTypeInfo.Type.IsAssignableTo(typeof(IValidatedRequest)) || schema.Properties is null) return Task.CompletedTask;

        // A nullable enum is wrapped as oneOf [null, $ref] only after schema transformers run, out of reach here.
        foreach (var property in schema.Properties.Values.OfType<OpenApiSchema>())
            if (property.Type is { } type) property.Type = type & ~JsonSchemaType.Null;
        return Task.CompletedTask;
    }
}

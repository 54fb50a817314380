using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolicyEngage.ServiceDefaults.OpenApi;

/// <summary>
/// Every route a document describes needs a JWT bearer token at the gateway (the anonymous ones, /dev/token,
/// health and the documents themselves, are not in it), so the requirement is declared once, for the whole document.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the identity provider (locally: POST /dev/token at the gateway).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}

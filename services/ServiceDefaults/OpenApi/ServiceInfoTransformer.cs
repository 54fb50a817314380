using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace PolicyEngage.ServiceDefaults.OpenApi;

/// <summary>
/// The document's title, description, contact and licence, and one server: the gateway, as "/", because clients reach a
/// service only through the gateway, which serves this document beside the routes it describes (the framework would
/// name the service's own loopback address).
/// </summary>
public sealed class ServiceInfoTransformer(IHostEnvironment environment, IConfiguration configuration) : IOpenApiDocumentTransformer
{
    public const string DescriptionKey = "OpenApi:Description";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"PolicyEngage {ServiceIdentity.NameOf(environment)} API",
            Version = "v1",
            Description = configuration[DescriptionKey]
                ?? throw new InvalidOperationException($"{DescriptionKey} is not set: each service says what its API is for in its appsettings.json."),
            Contact = new OpenApiContact { Name = "PolicyEngage back office team" },
            License = new OpenApiLicense { Name = "Proprietary" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The PolicyEngage gateway" }];
        return Task.CompletedTask;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace PolicyEngage.ServiceDefaults.OpenApi;

public static class ServiceOpenApi
{
    /// <summary>The service's document at /openapi/v1.json, described as its clients see it: through the gateway, with a bearer token.</summary>
    public static IServiceCollection AddServiceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ServiceInfoTransformer>();
            openApi.AddDocumentTransformer<BearerSecurityTransformer>();
            openApi.AddSchemaTransformer<EnumNamesSchemaTransformer>();
            openApi.AddSchemaTransformer<RequestSchemaTransformer>();
        });
}

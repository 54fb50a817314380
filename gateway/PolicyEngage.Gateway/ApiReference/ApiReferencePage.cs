using Scalar.AspNetCore;

namespace PolicyEngage.Gateway.ApiReference;

/// <summary>
/// <c>/docs</c>: Scalar's interactive reference over the four services' documents, which the gateway proxies at
/// <c>/openapi/{name}.json</c> (the "openapi-*" routes). Anonymous, like the documents. Scalar's script and styles are
/// served from its package under /docs; what would reach a third-party host (the CDN fonts, telemetry, the AI agent,
/// MCP, the toolbar of Scalar's hosted services) is turned off, so the page works offline and tells no one who reads it.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/docs";

    /// <summary>The documents' names in their gateway routes, with the titles the page's picker shows.</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> Documents =
    [
        ("submissions", "Submissions"),
        ("reviews", "Reviews"),
        ("regulatorliaison", "Regulator liaison"),
        ("audit", "Audit"),
    ];

    public static IEndpointRouteBuilder MapApiReferencePage(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options =>
        {
            options
                .WithTitle("PolicyEngage API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools();
            foreach (var (name, title) in Documents) options.AddDocument(name, title);
        }).AllowAnonymous();
        return app;
    }
}

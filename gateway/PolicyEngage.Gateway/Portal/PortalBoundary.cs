using Yarp.ReverseProxy.Model;

namespace PolicyEngage.Gateway.Portal;

/// <summary>
/// The portal's route (<c>portal</c> in appsettings.json) takes every path the API routes do not; under the API's own
/// prefixes a path no route names stays the gateway's 404, never a portal page.
/// </summary>
public static class PortalBoundary
{
    public const string RouteId = "portal";

    private static readonly string[] GatewayPrefixes = ["/api", "/openapi", "/docs", "/health", "/dev"];

    public static WebApplication UsePortalBoundary(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
            if (route?.Config.RouteId == RouteId && GatewayPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix)))
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }
}

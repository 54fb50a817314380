using Microsoft.Net.Http.Headers;

namespace PolicyEngage.Gateway.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Set when the response starts, after YARP has copied a service's headers, so that proxied answers, error pages
    /// and the gateway's own answers all carry exactly these values and never a <c>Server</c> header.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.Remove(HeaderNames.Server);
            return Task.CompletedTask;
        });
        return next(context);
    });
}

namespace PolicyEngage.Portal.Security;

public static class PortalSecurityHeaders
{
    /// <summary>
    /// Only the portal's own scripts and styles run; no framing, no forms posting elsewhere, nothing about a signed-in
    /// page kept in a shared cache.
    /// </summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true) context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
